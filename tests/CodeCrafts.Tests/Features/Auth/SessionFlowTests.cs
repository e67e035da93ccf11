using System.Net;
using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Api.Features.Users;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Auth;

public sealed class SessionFlowTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task ALearnerRegistersLogsInRefreshesAndLogsOutAfterWhichTheSessionIsDead()
    {
        var email = AuthRequests.NewEmail();

        var registered = await _client.RegisterOkAsync(email, displayName: "Ada Lovelace");
        var login = await _client.LoginAsync(email);
        var session = await login.ReadAsync<AuthResponse>();
        var me = await _client.GetMeAsync(session.Tokens.AccessToken);
        var refreshed = await _client.RefreshAsync(session.Tokens.RefreshToken);
        var pair = await refreshed.ReadAsync<TokenPair>();
        var meAgain = await _client.GetMeAsync(pair.AccessToken);
        var logout = await _client.LogoutAsync(pair.RefreshToken);
        var refreshAfterLogout = await _client.RefreshAsync(pair.RefreshToken);

        Assert.Equal(email, registered.User.Email);
        Assert.Equal("Bearer", registered.Tokens.TokenType);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(registered.User.Id, session.User.Id);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("Ada Lovelace", (await me.ReadAsync<UserProfile>()).DisplayName);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.NotEqual(session.Tokens.RefreshToken, pair.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, meAgain.StatusCode);
        Assert.Equal(registered.User.Id, (await meAgain.ReadAsync<UserProfile>()).Id);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await refreshAfterLogout.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ReusingARotatedRefreshTokenRevokesTheWholeFamilyIncludingTheNewestToken()
    {
        var session = await _client.RegisterOkAsync();
        var first = session.Tokens.RefreshToken;
        var second = (await (await _client.RefreshAsync(first)).ReadAsync<TokenPair>()).RefreshToken;
        var third = (await (await _client.RefreshAsync(second)).ReadAsync<TokenPair>()).RefreshToken;

        var replay = await _client.RefreshAsync(first);
        var newest = await _client.RefreshAsync(third);

        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await newest.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var family = await db.RefreshTokens.Where(t => t.UserId == session.User.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3, family.Count);
        Assert.All(family, t => Assert.NotNull(t.RevokedAt));
    }

    [Fact]
    public async Task ReuseRevokesOnlyItsOwnFamilyNotTheLearnersOtherSessions()
    {
        var email = AuthRequests.NewEmail();
        var phone = await _client.RegisterOkAsync(email);
        var laptop = await (await _client.LoginAsync(email)).ReadAsync<AuthResponse>();
        await _client.RefreshAsync(phone.Tokens.RefreshToken);

        await _client.RefreshAsync(phone.Tokens.RefreshToken);
        var laptopRefresh = await _client.RefreshAsync(laptop.Tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, laptopRefresh.StatusCode);
    }

    [Fact]
    public async Task LogoutEndsOnlyThatSessionAndIsHarmlessToRepeat()
    {
        var email = AuthRequests.NewEmail();
        var phone = await _client.RegisterOkAsync(email);
        var laptop = await (await _client.LoginAsync(email)).ReadAsync<AuthResponse>();

        var first = await _client.LogoutAsync(phone.Tokens.RefreshToken);
        var again = await _client.LogoutAsync(phone.Tokens.RefreshToken);
        var unknown = await _client.LogoutAsync("no-such-token");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, unknown.StatusCode);
        await (await _client.RefreshAsync(phone.Tokens.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await _client.RefreshAsync(laptop.Tokens.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task OnlyAHashOfTheRefreshTokenIsStored()
    {
        var session = await _client.RegisterOkAsync();

        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var stored = await db.RefreshTokens.SingleAsync(t => t.UserId == session.User.Id, TestContext.Current.CancellationToken);

        Assert.Equal(43, session.Tokens.RefreshToken.Length); // 32 random bytes, base64url
        Assert.Equal(64, stored.TokenHash.Length);            // SHA-256, hex
        Assert.DoesNotContain(session.Tokens.RefreshToken, stored.TokenHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownRefreshTokenIsRefusedWithProblemDetails()
    {
        var response = await _client.RefreshAsync("bm90LWEtcmVhbC10b2tlbg");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Invalid refresh token", problem.GetProperty("title").GetString());
    }
}
