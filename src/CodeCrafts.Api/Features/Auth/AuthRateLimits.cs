using System.Security.Cryptography;
using System.Text;
using CodeCrafts.Api.Common.Limits;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Auth;

/// <summary>The names of the auth limits, as problem details report them in <c>limit</c>.</summary>
internal static class AuthLimits
{
    public const string LoginsPerNetwork = "logins-per-network";
    public const string RegistrationsPerNetwork = "registrations-per-network";
    public const string FailedLogins = "failed-logins";
}

/// <summary>
/// Failed logins per (account, client network), with exponential back-off (<see cref="BackoffLimit"/>): a guesser is
/// slowed down on the network it guesses from, while the owner, logging in from another network, is not locked out by
/// someone else's failures. Unknown emails are counted exactly like real ones, so a 429 reveals nothing about which
/// accounts exist. (Guessing from many networks at once is bounded by each network's own login limit.)
/// </summary>
internal sealed class FailedLoginLimiter(LimitCounter counter, IOptions<RateLimitOptions> options)
{
    private BackoffLimit Limit => options.Value.FailedLogins;

    /// <summary>Checked before the password is, so a locked pair costs no hashing.</summary>
    public Task<LimitDecision> CheckAsync(string account, string network, CancellationToken cancellationToken) =>
        counter.CheckFailuresAsync(Key(account, network), Limit, cancellationToken);

    public Task RecordFailureAsync(string account, string network, CancellationToken cancellationToken) =>
        counter.RecordFailureAsync(Key(account, network), Limit, cancellationToken);

    /// <summary>A successful login forgets the failures: the owner typing their password wrong twice starts afresh.</summary>
    public Task ForgetAsync(string account, string network, CancellationToken cancellationToken) =>
        counter.ClearFailuresAsync(Key(account, network), cancellationToken);

    public string Rule => $"After {Limit.FreeFailures} failed logins for this account from your network, logins wait "
                          + $"{Limit.FirstLockoutSeconds} s, doubling with each further failure up to {Limit.MaxLockoutSeconds} s";

    // Emails are hashed so Redis holds no addresses, and odd characters cannot shape the key.
    private static string Key(string account, string network) =>
        $"{AuthLimits.FailedLogins}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account)), 0, 16)}:{network}";
}
