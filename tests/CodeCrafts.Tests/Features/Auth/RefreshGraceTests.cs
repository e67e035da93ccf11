using System.Net;
using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CodeCrafts.Tests.Features.Auth;

/// <summary>
/// A double submit of a refresh token (two tabs, a retry after a lost response) keeps the session; a reuse after the
/// grace window still ends it; and no session outlives its absolute lifetime. This class moves its own Api's clock.
/// </summary>
public sealed class RefreshGraceTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.CreateClient();
    private JwtOptions Jwt => api.Factory.Services.GetRequiredService<IOptions<JwtOptions>>().Value;

    [Fact]
    public async Task ConcurrentRefreshesWithTheSameTokenAllSucceedWithTheSameNewPair()
    {
        var session = await _client.RegisterOkAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => _client.RefreshAsync(session.Tokens.RefreshToken), TestContext.Current.CancellationToken)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var pairs = await Task.WhenAll(responses.Select(r => r.ReadAsync<TokenPair>()));
        Assert.Single(pairs.Select(p => p.RefreshToken).Distinct());
        Assert.NotEqual(session.Tokens.RefreshToken, pairs[0].RefreshToken);
        Assert.Single(pairs.Select(p => SessionOf(p.AccessToken)).Append(SessionOf(session.Tokens.AccessToken)).Distinct());
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var family = await db.RefreshTokens.Where(t => t.UserId == session.User.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, family.Count);
        Assert.Single(family, t => t.ConsumedAt != null);
        Assert.All(family, t => Assert.Null(t.RevokedAt));
        Assert.Equal(HttpStatusCode.OK, (await _client.RefreshAsync(pairs[0].RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task ARetryWithinTheGraceWindowGetsTheSamePairAndTheSessionGoesOn()
    {
        var session = await _client.RegisterOkAsync();
        var first = await (await _client.RefreshAsync(session.Tokens.RefreshToken)).ReadAsync<TokenPair>();

        api.Factory.Time.Advance(TimeSpan.FromSeconds(Jwt.RefreshReuseGraceSeconds) - TimeSpan.FromSeconds(1));
        var retry = await _client.RefreshAsync(session.Tokens.RefreshToken);
        var next = await _client.RefreshAsync(first.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var again = await retry.ReadAsync<TokenPair>();
        Assert.Equal(first.RefreshToken, again.RefreshToken);
        Assert.Equal(first.RefreshTokenExpiresAt, again.RefreshTokenExpiresAt);
        Assert.Equal(SessionOf(first.AccessToken), SessionOf(again.AccessToken));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetMeAsync(again.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task ReuseAfterTheGraceWindowRevokesTheWholeFamily()
    {
        var session = await _client.RegisterOkAsync();
        var first = await (await _client.RefreshAsync(session.Tokens.RefreshToken)).ReadAsync<TokenPair>();

        api.Factory.Time.Advance(TimeSpan.FromSeconds(Jwt.RefreshReuseGraceSeconds + 1));
        var replay = await _client.RefreshAsync(session.Tokens.RefreshToken);
        var newest = await _client.RefreshAsync(first.RefreshToken);

        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await newest.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var family = await db.RefreshTokens.Where(t => t.UserId == session.User.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, family.Count);
        Assert.All(family, t => Assert.NotNull(t.RevokedAt));
    }

    [Fact]
    public async Task ASessionEndsAtItsAbsoluteLifetimeThoughItWasAlwaysRotatedInTime()
    {
        var session = await _client.RegisterOkAsync();
        var signedInAt = api.Factory.Time.GetUtcNow();
        var sessionEnds = signedInAt.AddDays(Jwt.SessionLifetimeDays);
        var step = TimeSpan.FromDays(Jwt.SessionLifetimeDays) / 4;
        var token = session.Tokens.RefreshToken;
        var pairs = new List<TokenPair>();

        for (var i = 0; i < 3; i++)
        {
            api.Factory.Time.Advance(step);
            var pair = await (await _client.RefreshAsync(token)).ReadAsync<TokenPair>();
            pairs.Add(pair);
            token = pair.RefreshToken;
        }
        api.Factory.Time.Advance(sessionEnds - api.Factory.Time.GetUtcNow() + TimeSpan.FromSeconds(1));
        var late = await _client.RefreshAsync(token);

        Assert.All(pairs, p => Assert.True(p.RefreshTokenExpiresAt <= sessionEnds, $"{p.RefreshTokenExpiresAt} is after the session's end {sessionEnds}"));
        Assert.Equal(sessionEnds, pairs[^1].RefreshTokenExpiresAt);
        var problem = await late.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Invalid refresh token", problem.GetProperty("title").GetString());
    }

    private static string? SessionOf(string accessToken) =>
        new JsonWebToken(accessToken).TryGetPayloadValue<string>(JwtRegisteredClaimNames.Sid, out var sid) ? sid : null;
}
