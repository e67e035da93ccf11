using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CodeCrafts.Api.Features.Auth;

/// <summary>Access-token settings (section <c>Jwt</c>; also SECRET_KEY, ALGORITHM, ACCESS_TOKEN_EXPIRE_MINUTES).</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";
    public const int MinimumKeyBytes = 32;
    public static readonly string[] SupportedAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512];

    public string SigningKey { get; set; } = "";
    public string Algorithm { get; set; } = SecurityAlgorithms.HmacSha256;
    public string Issuer { get; set; } = "codecrafts";
    public string Audience { get; set; } = "codecrafts-api";
    public int AccessTokenMinutes { get; set; } = 30;
    /// <summary>How long one refresh token stays usable; each rotation issues the next for as long again (an idle timeout).</summary>
    public int RefreshTokenDays { get; set; } = 30;

    /// <summary>
    /// The absolute lifetime of a session, from sign-in: past it, refresh refuses even a family that was always rotated
    /// in time, so a stolen session cannot be kept alive forever.
    /// </summary>
    public int SessionLifetimeDays { get; set; } = 30;

    /// <summary>
    /// How long after a rotation the just-used refresh token still yields the same new pair instead of counting as reuse:
    /// two tabs refreshing at once, or a retry after a lost response (0 turns the forgiveness off).
    /// </summary>
    public int RefreshReuseGraceSeconds { get; set; } = 30;

    /// <summary>How often each replica deletes expired and revoked refresh tokens.</summary>
    public int RefreshTokenPurgeMinutes { get; set; } = 60;
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>
    /// How long one replica trusts that a token's user still exists before asking PostgreSQL again (0: every request).
    /// A deleted account stops working within this window instead of at once; in exchange, busy endpoints do not pay a
    /// database round trip per request. 30 s rather than a few: with thousands of learners each reading about once a
    /// second, a 5 s window sends roughly one read in six to PostgreSQL for this check alone (benchmarks/README.md).
    /// </summary>
    public int UserCheckSeconds { get; set; } = 30;

    public SymmetricSecurityKey CreateSecurityKey() => new(Encoding.UTF8.GetBytes(SigningKey));
}

internal sealed class JwtOptionsValidator(IHostEnvironment environment) : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        var failures = new List<string>();
        if (Encoding.UTF8.GetByteCount(options.SigningKey) < JwtOptions.MinimumKeyBytes)
        {
            failures.Add($"Jwt:SigningKey (SECRET_KEY) must be at least {JwtOptions.MinimumKeyBytes} bytes; " +
                         (options.SigningKey.Length == 0 ? "it is not set." : $"it has {Encoding.UTF8.GetByteCount(options.SigningKey)}.") +
                         " Generate one with: openssl rand -base64 48");
        }
        if (!JwtOptions.SupportedAlgorithms.Contains(options.Algorithm))
        {
            failures.Add($"Jwt:Algorithm (ALGORITHM) must be one of {string.Join(", ", JwtOptions.SupportedAlgorithms)}; got '{options.Algorithm}'.");
        }
        if (options.AccessTokenMinutes is < 1 or > 1440)
        {
            failures.Add($"Jwt:AccessTokenMinutes (ACCESS_TOKEN_EXPIRE_MINUTES) must be between 1 and 1440; got {options.AccessTokenMinutes}.");
        }
        if (options.RefreshTokenDays is < 1 or > 365)
        {
            failures.Add($"Jwt:RefreshTokenDays must be between 1 and 365; got {options.RefreshTokenDays}.");
        }
        if (options.SessionLifetimeDays is < 1 or > 365)
        {
            failures.Add($"Jwt:SessionLifetimeDays must be between 1 and 365; got {options.SessionLifetimeDays}.");
        }
        if (options.RefreshReuseGraceSeconds is < 0 or > 300)
        {
            failures.Add($"Jwt:RefreshReuseGraceSeconds must be between 0 and 300; got {options.RefreshReuseGraceSeconds}.");
        }
        if (options.RefreshTokenPurgeMinutes is < 1 or > 1440)
        {
            failures.Add($"Jwt:RefreshTokenPurgeMinutes must be between 1 and 1440; got {options.RefreshTokenPurgeMinutes}.");
        }
        if (options.UserCheckSeconds is < 0 or > 300)
        {
            failures.Add($"Jwt:UserCheckSeconds must be between 0 and 300; got {options.UserCheckSeconds}.");
        }
        if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Jwt:Issuer and Jwt:Audience must be set.");
        }
        _ = environment;
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// In Development only, a missing key is replaced by a random one for the life of the process,
/// so `dotnet run` works out of the box; tokens then do not survive a restart. Elsewhere validation stops the start.
/// </summary>
internal sealed class DevelopmentSigningKey(IHostEnvironment environment, ILogger<DevelopmentSigningKey> logger) : IPostConfigureOptions<JwtOptions>
{
    private static readonly string Generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public void PostConfigure(string? name, JwtOptions options)
    {
        if (environment.IsDevelopment() && string.IsNullOrEmpty(options.SigningKey))
        {
            logger.LogWarning("No Jwt:SigningKey (SECRET_KEY) is set; using a random development key. Tokens will not survive a restart.");
            options.SigningKey = Generated;
        }
    }
}
