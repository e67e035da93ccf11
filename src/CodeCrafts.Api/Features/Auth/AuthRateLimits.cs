using System.Threading.RateLimiting;
using CodeCrafts.Api.Common;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Auth;

/// <summary>Section <c>RateLimits</c>: fixed windows, counted per Api replica (in-process).</summary>
public sealed class AuthRateLimitOptions
{
    public const string Section = "RateLimits";

    public WindowLimit LoginPerIp { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };
    public WindowLimit RegisterPerIp { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };
    public WindowLimit FailedLoginsPerAccount { get; set; } = new() { PermitLimit = 5, WindowSeconds = 60 };
}

public sealed class WindowLimit
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }

    internal FixedWindowRateLimiterOptions ToOptions() => new()
    {
        PermitLimit = PermitLimit,
        Window = TimeSpan.FromSeconds(WindowSeconds),
        QueueLimit = 0,
    };

    internal bool IsValid => PermitLimit >= 1 && WindowSeconds >= 1;
}

internal static class AuthRateLimits
{
    public const string LoginPolicy = "auth-login";
    public const string RegisterPolicy = "auth-register";

    public static IServiceCollection AddAuthRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthRateLimitOptions>()
            .Bind(configuration.GetSection(AuthRateLimitOptions.Section))
            .Validate(o => o.LoginPerIp.IsValid && o.RegisterPerIp.IsValid && o.FailedLoginsPerAccount.IsValid,
                "RateLimits: every PermitLimit and WindowSeconds must be at least 1.")
            .ValidateOnStart();

        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AuthRateLimitOptions>>((options, limits) =>
        {
            options.AddPolicy(LoginPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter(RateLimiting.ClientKey(context), _ => limits.Value.LoginPerIp.ToOptions()));
            options.AddPolicy(RegisterPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter(RateLimiting.ClientKey(context), _ => limits.Value.RegisterPerIp.ToOptions()));
        });
        services.AddSingleton<FailedLoginLimiter>();
        return services;
    }
}

/// <summary>
/// Failed logins per account, whichever IP they come from: a distributed guesser gets a few tries a window.
/// Unknown emails are counted exactly like real ones, so the 429 reveals nothing about which accounts exist.
/// </summary>
internal sealed class FailedLoginLimiter(IOptions<AuthRateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => options.Value.FailedLoginsPerAccount.ToOptions()));

    /// <summary>True when the account used up its failures for this window; checked before the password is.</summary>
    public bool IsLockedOut(string account, out TimeSpan retryAfter)
    {
        // Asking for 0 permits reports the state without consuming anything.
        using var lease = _limiter.AttemptAcquire(account, 0);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.Zero;
        return !lease.IsAcquired;
    }

    public void RecordFailure(string account)
    {
        using var _ = _limiter.AttemptAcquire(account, 1);
    }

    public void Dispose() => _limiter.Dispose();
}
