using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Progress;
using CodeCrafts.Api.Features.Streaks;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace CodeCrafts.Tests.Features.Streaks;

public sealed class StreakCacheOutageTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnswersSucceedWhileRedisIsDownAndTheCachedStreaksMatchPostgresOnceItIsBack()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => api.CreateAsync()));
        var questions = await api.GradableQuestionsAsync();
        api.MoveToLocalTime("Etc/UTC", new TimeOnly(10, 0));
        foreach (var user in users)
        {
            await api.AnswerAsync(user.Id, questions[0]);
        }
        Assert.All(await CachedAsync(users.Select(u => u.Id)), s => Assert.Equal(1, s?.Current));

        api.Redis.Stop();
        api.MoveToLocalTime("Etc/UTC", new TimeOnly(10, 0));
        var duringOutage = new List<int>();
        foreach (var user in users)
        {
            duringOutage.Add((await api.AnswerAsync(user.Id, questions[1])).CurrentStreak);
        }
        var statsDuringOutage = await api.GetAsync<UserStats>(users[0].Id, "/api/users/me/stats");
        await api.Redis.StartAgainAsync();

        Assert.All(duringOutage, streak => Assert.Equal(2, streak));
        Assert.Equal(2, statsDuringOutage.CurrentStreak);
        var expected = await StoredAsync(users.Select(u => u.Id));
        // Once Redis is back, no entry disagrees with PostgreSQL (a missed one is dropped, not served)...
        var cached = await EventuallyAsync(async () => await CachedAsync(users.Select(u => u.Id)),
            c => c.Zip(expected).All(p => p.First is null || p.First == p.Second));
        Assert.All(cached.Zip(expected), p => Assert.True(p.First is null || p.First == p.Second, $"{p.First} cached, {p.Second} stored"));
        // ...and reads fill it again from PostgreSQL once the Api's connection is back.
        var refilled = await EventuallyAsync(async () =>
        {
            foreach (var user in users)
            {
                Assert.Equal(2, (await api.GetAsync<UserStats>(user.Id, "/api/users/me/stats")).CurrentStreak);
            }
            return await CachedAsync(users.Select(u => u.Id));
        }, c => c.SequenceEqual(expected));
        Assert.Equal(expected, refilled);
        Assert.All(expected, s => Assert.Equal(2, s?.Current));
    }

    [Fact]
    public async Task AnEntryThatMissedAWriteIsDroppedAsSoonAsRedisTakesWritesAgain()
    {
        // Arrange: an entry Redis kept through an outage (a partition, not a restart) while its write failed.
        var learner = await api.CreateAsync();
        var other = await api.CreateAsync();
        var questions = await api.GradableQuestionsAsync();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(api.Redis.ConnectionString);
        await redis.GetDatabase().HashSetAsync(StreakCache.Key(learner.Id), [new("day", "2000-01-01"), new("current", 9), new("longest", 9), new("zone", "")]);
        await redis.GetDatabase().HashSetAsync(ProgressCache.Key(learner.Id), [new("*", "1")]);
        var stale = api.Factory.Services.GetRequiredService<LearnerEntries>();
        stale.MarkStale(StreakCache.Key(learner.Id), "streak");
        stale.MarkStale(ProgressCache.Key(learner.Id), "progress");

        // Act: any successful write shows Redis is back.
        await api.AnswerAsync(other.Id, questions[0]);

        // Assert: both caches' stale entries go by the one repair path, and reads rebuild them from PostgreSQL.
        var gone = await EventuallyAsync(
            async () => !await redis.GetDatabase().KeyExistsAsync(StreakCache.Key(learner.Id)) && !await redis.GetDatabase().KeyExistsAsync(ProgressCache.Key(learner.Id)),
            done => done);
        Assert.True(gone);
        Assert.Equal(0, (await api.GetAsync<UserStats>(learner.Id, "/api/users/me/stats")).CurrentStreak);
    }

    private async Task<List<StreakState?>> StoredAsync(IEnumerable<Guid> ids)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var states = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new StreakState(u.CurrentStreak, u.LongestStreak, u.LastActiveOn, u.LastActiveTimeZoneId, u.StreakFreezes, u.StreakFreezesUsed), Ct);
        return ids.Select(id => (StreakState?)states[id]).ToList();
    }

    // Read straight from Redis, as another Api replica would.
    private async Task<List<StreakState?>> CachedAsync(IEnumerable<Guid> ids)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(api.Redis.ConnectionString);
        var db = redis.GetDatabase();
        var states = new List<StreakState?>();
        foreach (var id in ids)
        {
            var fields = await db.HashGetAllAsync(StreakCache.Key(id));
            var map = fields.ToDictionary(f => f.Name.ToString(), f => f.Value.ToString());
            states.Add(map.Count == 0 ? null : new StreakState(
                int.Parse(map["current"], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(map["longest"], System.Globalization.CultureInfo.InvariantCulture),
                map["day"].Length == 0 ? null : DateOnly.Parse(map["day"], System.Globalization.CultureInfo.InvariantCulture),
                map["zone"].Length == 0 ? null : map["zone"],
                int.Parse(map["freezes"], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(map["freezesUsed"], System.Globalization.CultureInfo.InvariantCulture)));
        }
        return states;
    }

    // The repair runs in the background after the reconnect: wait for it (generously), never for a fixed time.
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(200, Ct);
        }
    }
}
