using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CodeCrafts.Api.Features.Leaderboards;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Leaderboards;

public sealed class LeaderboardApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task DuelBoardsRankRatedPlayersOnlyAndIgnoreARatingOlderThanTheOneShown()
    {
        var now = api.Factory.Time.GetUtcNow();
        var (a, b, c, unrated) = (await api.CreateAsync(), await api.CreateAsync(), await api.CreateAsync(), await api.CreateAsync());
        await api.RateAsync(a.Id, 1612.4, now);
        await api.RateAsync(b.Id, 1612.2, now.AddSeconds(5));
        await api.RateAsync(c.Id, 1400, now.AddSeconds(10));
        await api.RateAsync(c.Id, 1700, now.AddSeconds(20));
        // A stale write arriving late (an older duel's result) must not replace the newer rating on the board.
        await api.Factory.Services.GetRequiredService<LeaderboardStore>().RecordRatingAsync(c.Id, 1400, now.AddSeconds(10));

        var fromDatabase = await a.Client.GetBoardAsync("duels", "all");
        using var redis = await api.Redis.ConnectAsync();
        await a.Client.WaitUntilCachedAsync(redis.GetDatabase(), "duels", "all", "lb:duels:all");
        var fromCache = await a.Client.GetBoardAsync("duels", "all");
        var mine = await unrated.Client.GetBoardAsync("duels", "all");

        foreach (var board in new[] { fromDatabase, fromCache })
        {
            Assert.Equal([c.Id, a.Id, b.Id], board.Entries.Select(x => x.UserId));
            Assert.Equal([1700L, 1612, 1612], board.Entries.Select(x => x.Score));
        }
        Assert.Null(mine.Me.Rank);
    }

    [Fact]
    public async Task ACallerOutsideTheTopStillSeesTheirOwnRankAndScore()
    {
        var q = await api.QuestionIdsAsync(1);
        var users = new List<TestUser>();
        for (var i = 0; i < 5; i++)
        {
            var user = await api.CreateAsync(displayName: $"Top {i}");
            await api.AwardAsync(user.Id, 1000 - i, q[0]);
            users.Add(user);
        }

        var board = await users[4].Client.GetBoardAsync("xp", "all", limit: 2);

        Assert.Equal(2, board.Entries.Count);
        Assert.Equal(["Top 0", "Top 1"], board.Entries.Select(x => x.DisplayName));
        Assert.Equal(5, board.Me.Rank);
        Assert.Equal(996, board.Me.Score);
    }

    [Theory]
    [InlineData("period=monthly", "period")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    public async Task BadQueryValuesAre400ProblemDetailsNamingTheField(string query, string field)
    {
        var user = await api.CreateAsync();

        var response = await user.Client.GetAsync($"/api/leaderboards/xp?{query}", TestContext.Current.CancellationToken);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ANonNumericLimitIsA400NotA500()
    {
        var user = await api.CreateAsync();

        var response = await user.Client.GetAsync("/api/leaderboards/xp?limit=ten", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnUnknownBoardIsA404ProblemDetails()
    {
        var user = await api.CreateAsync();

        var response = await user.Client.GetAsync("/api/leaderboards/gold", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BoardsRequireAnAccessToken()
    {
        var response = await api.CreateClient().GetAsync("/api/leaderboards/xp", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
