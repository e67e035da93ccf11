using CodeCrafts.Api.Features.Leaderboards;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace CodeCrafts.Tests.Features.Leaderboards;

/// <summary>
/// Each replica keeps a copy of a board's top 100 while Redis says the top has not changed. Replica B reads, replica A
/// writes, B reads again: B must never serve a stale top, and writes below the top must not cost B its copy.
/// </summary>
public sealed class TopSnapshotTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const int Learners = RedisBoards.TopSize + 10;
    private ApiFactory _replicaB = null!;

    public ValueTask InitializeAsync()
    {
        _replicaB = new ApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:codecrafts"] = api.DatabaseConnectionString,
            ["ConnectionStrings:cache"] = api.Redis.ConnectionString,
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _replicaB.DisposeAsync();

    [Fact]
    public async Task XpWrittenOnOneReplicaChangesTheOtherReplicasTopOnlyWhenTheTopChanges()
    {
        // Arrange: learner i has 10·(i+1) XP, so learner 0 is last (rank 110) and the order is unique.
        var q = await api.QuestionIdsAsync(2);
        var learners = new List<TestUser>();
        for (var i = 0; i < Learners; i++)
        {
            learners.Add(await api.CreateAsync());
            await api.AwardAsync(learners[i].Id, 10 * (i + 1), q[0]);
        }
        using var redis = await api.Redis.ConnectAsync();
        var db = redis.GetDatabase();
        await learners[0].Client.WaitUntilCachedAsync(db, "xp", "all", "lb:xp:all");
        var readerB = _replicaB.ClientFor(learners[0].Id);
        var first = await readerB.GetBoardAsync("xp", "all");
        var version = await db.StringGetAsync("lb:xp:all:top-version");

        // Act 1: a write far below the top.
        await api.Factory.AwardAsync(learners[0].Id, 5, q[1]);
        var afterLowWrite = await readerB.GetBoardAsync("xp", "all");
        var versionAfterLowWrite = await db.StringGetAsync("lb:xp:all:top-version");

        // Act 2: the second-to-last learner jumps to first place.
        await api.Factory.AwardAsync(learners[1].Id, 5000, q[1]);
        var afterJump = await readerB.GetBoardAsync("xp", "all");
        var truth = await api.XpTotalsAsync();

        // Assert
        Assert.False(version.IsNull);
        Assert.Equal(version, versionAfterLowWrite);
        Assert.Equal(first.Entries, afterLowWrite.Entries);
        Assert.Equal(new LeaderboardStanding(Learners, 15), afterLowWrite.Me);
        Assert.NotEqual(version, await db.StringGetAsync("lb:xp:all:top-version"));
        Assert.Equal(learners[1].Id, afterJump.Entries[0].UserId);
        Assert.Equal(5020, afterJump.Entries[0].Score);
        Assert.Equal(Top(truth), afterJump.Entries.Select(e => (e.UserId, e.Score)));
        Assert.Equal(Learners, afterJump.Total);
    }

    [Fact]
    public async Task ALeaderWhoseRatingFallsLeavesTheOtherReplicasTopAtOnce()
    {
        // Arrange: ratings 1000, 1010, … so the last learner created leads.
        var at = api.Factory.Time.GetUtcNow();
        var learners = new List<TestUser>();
        for (var i = 0; i < Learners; i++)
        {
            learners.Add(await api.CreateAsync());
            await api.RateAsync(learners[i].Id, 1000 + 10 * i, at);
        }
        using var redis = await api.Redis.ConnectAsync();
        await learners[0].Client.WaitUntilCachedAsync(redis.GetDatabase(), "duels", "all", "lb:duels:all");
        var leader = learners[^1];
        var readerB = _replicaB.ClientFor(leader.Id);
        var before = await readerB.GetBoardAsync("duels", "all");

        // Act: a lost duel drops the leader below everyone, written on replica A.
        await api.Factory.RateAsync(api.DatabaseConnectionString, leader.Id, 500, at.AddMinutes(5));
        var after = await readerB.GetBoardAsync("duels", "all");
        Dictionary<Guid, long> truth;
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            truth = await db.Users.Where(u => u.RatedAt != null)
                .ToDictionaryAsync(u => u.Id, u => (long)Math.Round(u.Rating), TestContext.Current.CancellationToken);
        }

        // Assert
        Assert.Equal(leader.Id, before.Entries[0].UserId);
        Assert.DoesNotContain(after.Entries, e => e.UserId == leader.Id);
        Assert.Equal(Top(truth), after.Entries.Select(e => (e.UserId, e.Score)));
        Assert.Equal(new LeaderboardStanding(Learners, 500), after.Me);
    }

    private static IEnumerable<(Guid, long)> Top(Dictionary<Guid, long> truth) =>
        truth.OrderByDescending(t => t.Value).Take(RedisBoards.TopSize).Select(t => (t.Key, t.Value));
}
