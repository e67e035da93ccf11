using CodeCrafts.Api.Features.Progress;
using CodeCrafts.Api.Features.Streaks;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
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
        var cached = await EventuallyAsync(async () => await CachedAsync(users.Select(u => u.Id)), c => c.SequenceEqual(expected));
        Assert.Equal(expected, cached);
        Assert.All(cached, s => Assert.Equal(2, s?.Current));
    }

    private async Task<List<StreakState?>> StoredAsync(IEnumerable<Guid> ids)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var states = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new StreakState(u.CurrentStreak, u.LongestStreak, u.LastActiveOn, u.LastActiveTimeZoneId), Ct);
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
                map["zone"].Length == 0 ? null : map["zone"]));
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
