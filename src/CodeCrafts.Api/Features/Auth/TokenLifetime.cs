using Microsoft.IdentityModel.Tokens;

namespace CodeCrafts.Api.Features.Auth;

/// <summary>
/// Checks access-token lifetimes against the injected <see cref="TimeProvider"/>, the clock that issued them:
/// IdentityModel's own check reads the system clock, so a moved clock (tests, replayed scenarios) would reject
/// every token it had just issued.
/// </summary>
internal static class TokenLifetime
{
    public static LifetimeValidator Validator(TimeProvider time) => (notBefore, expires, _, parameters) =>
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiration time.");
        }
        if (notBefore is { } nbf && nbf > now + parameters.ClockSkew)
        {
            throw new SecurityTokenNotYetValidException($"The token is not valid before {nbf:O}.") { NotBefore = nbf };
        }
        if (expires.Value < now - parameters.ClockSkew)
        {
            // The same exception as the built-in check, so the bearer handler still answers "token expired".
            throw new SecurityTokenExpiredException($"The token expired at {expires.Value:O}.") { Expires = expires.Value };
        }
        return true;
    };
}
