using CodeCrafts.Api.Features.Leagues;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CodeCrafts.Tests.Features.Leagues;

/// <summary>Answers at the week's edge: late ones count for the next week, and the first XP before settlement waits.</summary>
public sealed class LateAnswerTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAnswerThatCommitsAfterItsWeekClosedCountsForTheNextWeek()
    {
        var week = api.Factory.NextWeek(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(2));
        var questions = await api.GradableQuestionsAsync();
        var learner = await api.CreateAsync();
        await api.AnswerAsync(learner.Id, questions[0]);

        // Another replica's clock is past the week's end: it closes the week while this replica's clock still shows it.
        await using var replica = new ApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:codecrafts"] = api.DatabaseConnectionString,
            ["ConnectionStrings:cache"] = api.Redis.ConnectionString,
        });
        replica.Time.SetUtcNow(api.Factory.Time.GetUtcNow().AddSeconds(5));
        await replica.SettleAsync();
        var late = await api.AnswerAsync(learner.Id, questions[1]);

        var next = week.AddDays(7);
        Assert.Equal(questions[0].FirstXp, (await api.PlacementAsync(week, learner.Id))!.Xp);
        Assert.Equal(late.XpGained, (await api.PlacementAsync(next, learner.Id))!.Xp);
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.Equal(questions[0].FirstXp, await db.LeagueResults.Where(r => r.UserId == learner.Id).Select(r => r.Xp).SingleAsync(Ct));
    }

    [Fact]
    public async Task ClosingAWeekWaitsForItsAnswersInFlight()
    {
        var week = api.Factory.NextWeek();
        await api.SeedCohortAsync(week, LeagueTier.Bronze, 0, 10);
        // An answer of the week, between its read and its commit, holds the week's lock shared.
        await using var answer = new NpgsqlConnection(api.DatabaseConnectionString);
        await answer.OpenAsync(Ct);
        await using var transaction = await answer.BeginTransactionAsync(Ct);
        await using (var lockWeek = new NpgsqlCommand("SELECT pg_advisory_xact_lock_shared($1, $2)", answer, transaction))
        {
            lockWeek.Parameters.Add(new NpgsqlParameter { Value = LeagueWeeks.WeekLockClass });
            lockWeek.Parameters.Add(new NpgsqlParameter { Value = LeagueWeeks.LockKey(week) });
            await lockWeek.ExecuteNonQueryAsync(Ct);
        }

        api.Factory.NextWeek();
        var settling = api.Factory.SettleAsync();
        await Task.Delay(500, Ct);
        Assert.False(settling.IsCompleted);
        Assert.Null(await ClosedAtAsync(week));

        await transaction.CommitAsync(Ct);
        await settling;
        Assert.NotNull(await ClosedAtAsync(week));
    }

    [Fact]
    public async Task FirstXpBeforeLastWeekIsSettledWaitsThenJoinsTheNewTier()
    {
        var week = api.Factory.NextWeek();
        var questions = await api.GradableQuestionsAsync();
        var learner = await api.CreateAsync();
        var others = await api.SeedCohortAsync(week, LeagueTier.Bronze, 5, 1, 1, 1);
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            // The learner tops a cohort of four: promoted to Silver at the week's end.
            db.LeaguePlacements.Add(new LeaguePlacement
            {
                WeekStart = week, UserId = learner.Id, Tier = LeagueTier.Bronze, Cohort = 5, JoinOrder = 200, Xp = 500,
                ReachedAt = api.Factory.Time.GetUtcNow(), JoinedAt = api.Factory.Time.GetUtcNow(),
            });
            await db.SaveChangesAsync(Ct);
        }
        await api.Factory.StopBackgroundSettlerAsync();

        var next = api.Factory.NextWeek();
        var answered = await api.AnswerAsync(learner.Id, questions[0]);
        var placement = (await api.PlacementAsync(next, learner.Id))!;
        Assert.Equal((null, null), (placement.Tier, placement.Cohort));
        var waiting = await api.LeagueAsync(learner);
        Assert.Equal((LeagueWords.Waiting, "Bronze", (long)answered.XpGained), (waiting.Status, waiting.Tier, waiting.WeeklyXp));

        await api.Factory.SettleAsync();

        placement = (await api.PlacementAsync(next, learner.Id))!;
        Assert.Equal((LeagueTier.Silver, (long)answered.XpGained), (placement.Tier, placement.Xp));
        var view = await api.LeagueAsync(learner);
        Assert.Equal((LeagueWords.Placed, "Silver", 1), (view.Status, view.Tier, view.Rank));
        // The other three were in the top seven of their cohort of four too.
        Assert.All((await api.TiersAsync(others)).Values, t => Assert.Equal(LeagueTier.Silver, t));
    }

    private async Task<DateTimeOffset?> ClosedAtAsync(DateOnly week)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        return await db.LeagueWeeks.AsNoTracking().Where(w => w.WeekStart == week).Select(w => w.ClosedAt).SingleAsync(Ct);
    }
}
