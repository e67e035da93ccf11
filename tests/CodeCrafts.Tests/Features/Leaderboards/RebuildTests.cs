using CodeCrafts.Tests.Infrastructure;

namespace CodeCrafts.Tests.Features.Leaderboards;

public sealed class RebuildTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task BoardsFlushedFromRedisMidRunAreRebuiltEqualToPostgres()
    {
        // Arrange: twelve learners with XP, boards cached in Redis.
        var q = await api.QuestionIdsAsync(3);
        var users = new List<TestUser>();
        for (var i = 0; i < 12; i++)
        {
            users.Add(await api.CreateAsync());
            await api.AwardAsync(users[i].Id, 10 + i * 3 % 7, q[0]);
        }
        var reader = users[0].Client;
        using var redis = await api.Redis.ConnectAsync();
        var db = redis.GetDatabase();
        await reader.WaitUntilCachedAsync(db, "xp", "all", "lb:xp:all");

        // Act: Redis loses everything; awards go on (their hooks write into a board that is no longer complete).
        await redis.GetServers()[0].FlushAllDatabasesAsync();
        for (var i = 0; i < 12; i += 2)
        {
            await api.AwardAsync(users[i].Id, 5, q[1]);
        }
        var whileRebuilding = await reader.GetBoardAsync("xp", "all");
        await reader.WaitUntilCachedAsync(db, "xp", "all", "lb:xp:all");
        await api.AwardAsync(users[1].Id, 100, q[2]);
        var rebuilt = await reader.GetBoardAsync("xp", "all");
        var truth = await api.XpTotalsAsync();

        // Assert: served correctly from PostgreSQL meanwhile, then from the rebuilt key, which later awards keep current.
        Assert.Equal(truth.Count, whileRebuilding.Total);
        Assert.True(await db.IsCompleteAsync("lb:xp:all"));
        Assert.Equal(truth, rebuilt.Scores());
        Assert.Equal(users[1].Id, rebuilt.Entries[0].UserId);
        rebuilt.AssertRanked();
        Assert.Equal(truth.Count + 1, await db.SortedSetLengthAsync("lb:xp:all"));
    }
}
