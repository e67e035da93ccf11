using System.Buffers.Text;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CodeCrafts.Tests.Features.Auth;

/// <summary>Every way an access token can be wrong ends in 401, checked against a token that is right.</summary>
public sealed class AccessTokenValidationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.CreateClient();
    private JwtOptions Jwt => api.Factory.Services.GetRequiredService<IOptions<JwtOptions>>().Value;

    [Fact]
    public async Task ATokenSignedWithTheConfiguredKeyIsAccepted()
    {
        var user = await _client.RegisterOkAsync();

        var response = await _client.GetMeAsync(Forge(user.User.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ATokenWithATamperedSignatureIsRefused()
    {
        var user = await _client.RegisterOkAsync();
        var parts = user.Tokens.AccessToken.Split('.');
        var signature = Base64Url.DecodeFromChars(parts[2]);
        signature[0] ^= 0xFF;

        var response = await _client.GetMeAsync($"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(signature)}");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenWhosePayloadWasEditedIsRefused()
    {
        var victim = await _client.RegisterOkAsync();
        var attacker = await _client.RegisterOkAsync();
        var parts = attacker.Tokens.AccessToken.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]))
            .Replace(attacker.User.Id.ToString(), victim.User.Id.ToString(), StringComparison.Ordinal);

        var response = await _client.GetMeAsync($"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenSignedWithAnotherKeyIsRefused()
    {
        var user = await _client.RegisterOkAsync();

        var response = await _client.GetMeAsync(Forge(user.User.Id, key: "another-key-that-is-also-long-enough-for-hs256-xyz"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnExpiredTokenIsRefused()
    {
        var user = await _client.RegisterOkAsync();
        var now = api.Factory.Time.GetUtcNow();

        var response = await _client.GetMeAsync(Forge(user.User.Id, issuedAt: now.AddHours(-2), expires: now.AddHours(-1)));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenNotYetValidIsRefused()
    {
        var user = await _client.RegisterOkAsync();
        var now = api.Factory.Time.GetUtcNow();

        var response = await _client.GetMeAsync(Forge(user.User.Id, issuedAt: now.AddHours(1), expires: now.AddHours(2)));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnUnsignedAlgNoneTokenIsRefused()
    {
        var user = await _client.RegisterOkAsync();
        var now = api.Factory.Time.GetUtcNow();
        var header = new { alg = "none", typ = "JWT" };
        var payload = new Dictionary<string, object>
        {
            ["sub"] = user.User.Id.ToString(),
            ["iss"] = Jwt.Issuer,
            ["aud"] = Jwt.Audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds(),
        };
        var unsigned = $"{Segment(header)}.{Segment(payload)}.";

        var response = await _client.GetMeAsync(unsigned);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenFromAnotherIssuerIsRefused()
    {
        var user = await _client.RegisterOkAsync();

        var response = await _client.GetMeAsync(Forge(user.User.Id, issuer: "someone-else"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenForAnotherAudienceIsRefused()
    {
        var user = await _client.RegisterOkAsync();

        var response = await _client.GetMeAsync(Forge(user.User.Id, audience: "another-api"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenOfADeletedUserIsRefusedAtOnce()
    {
        var user = await _client.RegisterOkAsync();
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            await db.Users.Where(u => u.Id == user.User.Id).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        var response = await _client.GetMeAsync(user.Tokens.AccessToken);
        var refresh = await _client.RefreshAsync(user.Tokens.RefreshToken);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await refresh.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AUserConfirmedMomentsAgoIsRefusedOnceTheCheckWindowHasPassed()
    {
        var user = await _client.RegisterOkAsync();
        var before = await _client.GetMeAsync(user.Tokens.AccessToken);
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            await db.Users.Where(u => u.Id == user.User.Id).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        api.Factory.Time.Advance(TimeSpan.FromSeconds(Jwt.UserCheckSeconds + 1));
        var after = await _client.GetMeAsync(user.Tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await after.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ARequestWithoutATokenIsAProblemDetails401WithABearerChallenge()
    {
        var response = await _client.GetAsync("/api/users/me", TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    private string Forge(Guid userId, string? key = null, string? issuer = null, string? audience = null,
        DateTimeOffset? issuedAt = null, DateTimeOffset? expires = null)
    {
        var jwt = Jwt;
        var now = issuedAt ?? api.Factory.Time.GetUtcNow();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? jwt.Issuer,
            Audience = audience ?? jwt.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (expires ?? now.AddMinutes(10)).UtcDateTime,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, userId.ToString())]),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key ?? ApiFactory.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    private static string Segment(object value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));
}
