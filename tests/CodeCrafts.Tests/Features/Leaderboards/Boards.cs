using System.Net.Http.Json;
using CodeCrafts.Api.Features.Leaderboards;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace CodeCrafts.Tests.Features.Leaderboards;

/// <summary>Reading boards over HTTP, and looking at (or breaking) the Redis keys behind them.</summary>
internal static class Boards
{
    /// <summary>
    /// A read that a storm of answers can meet with 503 (the database pool busy while the board is served from
    /// PostgreSQL) retries after Retry-After, as the Api asks every client to, up to 20 times.
    /// </summary>
    public static async Task<LeaderboardResponse> GetBoardAsync(this HttpClient client, string board, string period, int limit = 100)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.GetAsync($"/api/leaderboards/{board}?period={period}&limit={limit}", TestContext.Current.CancellationToken);
            if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || attempt == 20)
            {
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadFromJsonAsync<LeaderboardResponse>(TestContext.Current.CancellationToken))!;
            }
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }
    }

    public static async Task<ConnectionMultiplexer> ConnectAsync(this RedisServer redis) =>
        await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");

    public static async Task<bool> IsCompleteAsync(this IDatabase db, string key) =>
        await db.SortedSetScoreAsync(key, "#complete") is not null;

    /// <summary>Reads the board until the background rebuild has completed its Redis key (bounded: 20 s).</summary>
    public static async Task WaitUntilCachedAsync(this HttpClient client, IDatabase redis, string board, string period, string key)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await redis.IsCompleteAsync(key))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{key} was not rebuilt in time");
            await client.GetBoardAsync(board, period);
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The board as PostgreSQL says it is: user id → score.</summary>
    public static async Task<Dictionary<Guid, long>> XpTotalsAsync(this ApiFixture api)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        return await db.Users.Where(u => u.Xp > 0).ToDictionaryAsync(u => u.Id, u => u.Xp, TestContext.Current.CancellationToken);
    }

    public static Dictionary<Guid, long> Scores(this LeaderboardResponse board) => board.Entries.ToDictionary(e => e.UserId, e => e.Score);

    public static void AssertRanked(this LeaderboardResponse board)
    {
        Assert.Equal(Enumerable.Range(1, board.Entries.Count).Select(i => (long)i), board.Entries.Select(e => e.Rank));
        Assert.True(board.Entries.Zip(board.Entries.Skip(1)).All(p => p.First.Score >= p.Second.Score), "entries are best first");
    }
}
