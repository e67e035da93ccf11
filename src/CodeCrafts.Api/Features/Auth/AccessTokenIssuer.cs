using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CodeCrafts.Api.Features.Auth;

public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>Signs access tokens with exactly what the bearer handler validates: key, algorithm, issuer, audience, lifetime.</summary>
public sealed class AccessTokenIssuer(IOptions<JwtOptions> options, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <param name="sessionId">The refresh-token family the token belongs to (the <c>sid</c> claim), when there is one.</param>
    public AccessToken Issue(Guid userId, string displayName, Guid? sessionId = null)
    {
        var jwt = options.Value;
        var now = time.GetUtcNow();
        var expires = now.AddMinutes(jwt.AccessTokenMinutes);
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(Claims(userId, displayName, sessionId)),
            SigningCredentials = new SigningCredentials(jwt.CreateSecurityKey(), jwt.Algorithm),
        });
        return new AccessToken(token, expires);
    }

    private static IEnumerable<Claim> Claims(Guid userId, string displayName, Guid? sessionId)
    {
        yield return new Claim(JwtRegisteredClaimNames.Sub, userId.ToString());
        yield return new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N"));
        yield return new Claim(JwtRegisteredClaimNames.Name, displayName);
        if (sessionId is { } sid)
        {
            yield return new Claim(JwtRegisteredClaimNames.Sid, sid.ToString());
        }
    }
}
