using CodeCrafts.Api.Features.Leagues;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace CodeCrafts.Tests.Features.Leagues;

/// <summary>Redis holds only copies: a lost cohort set (or a lost seat) is rebuilt from PostgreSQL on the next read.</summary>
public sealed class RedisCohortTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ALostCohortSetIsRebuiltFromPostgres()
    {
        var week = api.Factory.NextWeek();
        var questions = await api.GradableQuestionsAsync();
        var learners = new List<TestUser>();
        for (var i = 0; i < 3; i++)
        {
            var learner = await api.CreateAsync();
            learners.Add(learner);
            for (var q = 0; q <= i; q++)
            {
                await api.AnswerAsync(learner.Id, questions[q]);
                api.Factory.Time.Advance(TimeSpan.FromSeconds(1));
            }
        }
        var before = await api.LeagueAsync(learners[0]);
        Assert.True(before.Standings.Select(s => s.UserId).SequenceEqual([learners[2].Id, learners[1].Id, learners[0].Id]),
            string.Join(", ", before.Standings.Select(s => $"{s.UserId}:{s.WeeklyXp}")) + " / " + string.Join(", ", learners.Select(l => l.Id)));

        await using var redis = await ConnectionMultiplexer.ConnectAsync(api.Redis.ConnectionString);
        var db = redis.GetDatabase();
        var set = $"league:{week:yyyyMMdd}:0:0";
        Assert.True(await db.KeyExistsAsync(set));
        await db.KeyDeleteAsync(set);
        // An answer after the loss recreates the set with one member only: it must not be served as the cohort.
        await api.AnswerAsync(learners[0].Id, questions[5]);

        var after = await api.LeagueAsync(learners[1]);
        Assert.Equal(await FromPostgresAsync(week), after.Standings.Select(s => (s.UserId, s.WeeklyXp)));
        Assert.Equal(before.Standings.Single(s => s.UserId == learners[0].Id).WeeklyXp + questions[5].FirstXp,
            after.Standings.Single(s => s.UserId == learners[0].Id).WeeklyXp);
        Assert.Equal(4, await db.SortedSetLengthAsync(set));

        // Everything lost, seats too.
        await db.ExecuteAsync("FLUSHDB");
        var again = await api.LeagueAsync(learners[2]);
        Assert.Equal(after.Standings.Select(s => (s.UserId, s.WeeklyXp)), again.Standings.Select(s => (s.UserId, s.WeeklyXp)));
        Assert.True(await db.HashExistsAsync($"league:{week:yyyyMMdd}:who", LeagueRedis.Member(learners[2].Id)));
    }

    private async Task<List<(Guid, long)>> FromPostgresAsync(DateOnly week)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        return (await db.LeaguePlacements.AsNoTracking().Where(p => p.WeekStart == week)
                .OrderByDescending(p => p.Xp).ThenBy(p => p.ReachedAt).ThenByDescending(p => p.UserId).Select(p => new { p.UserId, p.Xp }).ToListAsync(Ct))
            .Select(p => (p.UserId, p.Xp)).ToList();
    }
}
