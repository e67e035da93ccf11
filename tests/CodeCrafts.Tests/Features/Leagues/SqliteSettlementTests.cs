using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Leagues;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CodeCrafts.Tests.Features.Leagues;

/// <summary>
/// Embedded mode settles weeks too, with the rows PostgreSQL leaves (<see cref="SettlementTests"/>, <see cref="LateAnswerTests"/>):
/// the same zones, ranks and tie-breaks, exactly once, late answers in the next week, waiting placements seated.
/// </summary>
public sealed class SqliteSettlementTests(SqliteLeagueFixture sqlite) : IClassFixture<SqliteLeagueFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApiFactory Api => sqlite.Factory;

    /// <summary>
    /// The tests share one database and clock: skipping a week first keeps each test's week free of the placements the
    /// one before may have left in its next week.
    /// </summary>
    private DateOnly FreshWeek(TimeSpan? into = null)
    {
        Api.NextWeek();
        return Api.NextWeek(into);
    }

    [Fact]
    public async Task TheTopSevenMoveUpTheBottomFiveDownRankedAsOnPostgres()
    {
        var week = FreshWeek();
        var scenario = await ZoneScenario.SeedAsync(Api, week);
        var (silver, bronze, _, _, tied, twins) = scenario;

        Api.NextWeek();
        // The clock's jump may also wake the background settler: either way the week is settled once this returns.
        await Api.SettleAsync();

        await scenario.AssertTiersMovedAsync(Api);

        var results = await sqlite.QueryAsync(db => db.LeagueResults.AsNoTracking().Where(r => r.WeekStart == week).ToDictionaryAsync(r => r.UserId, Ct));
        Assert.Equal(136, results.Count);
        Assert.Equal(Enumerable.Range(1, 30), silver.Select(u => results[u].Rank));
        Assert.Equal(ZoneScenario.Descending(30), silver.Select(u => results[u].Xp));
        Assert.All(silver, u => Assert.Equal((LeagueTier.Silver, 0, 30), (results[u].Tier, results[u].Cohort, results[u].CohortSize)));
        Assert.Equal((7, 8, 30), (results[tied[6]].Rank, results[tied[7]].Rank, results[tied[7]].CohortSize));
        // PostgreSQL orders uuids as their lower-case text sorts.
        Assert.Equal(twins.OrderByDescending(u => u.ToString(), StringComparer.Ordinal), twins.OrderBy(u => results[u].Rank));
        Assert.All(twins, u => Assert.Equal(LeagueTier.Obsidian, results[u].NewTier));

        var row = await sqlite.QueryAsync(db => db.LeagueWeeks.AsNoTracking().SingleAsync(w => w.WeekStart == week, Ct));
        Assert.Equal((136, 7 + 7 + 7 + 7 + 6, 5 + 5 + 3 + 5), (row.Placed, row.Promoted, row.Demoted));
        Assert.NotNull(row.ClosedAt);
        Assert.NotNull(row.SettledAt);

        var first = await SqliteLeagueFixture.GetAsync<PagedResult<LeagueWeekResult>>(Api.ClientFor(silver[0]), "/api/leagues/history");
        Assert.Equal((LeagueWeeks.Label(week), "Silver", 1, 30, 1000L, "up", "Gold"),
            Single(first, r => (r.Week, r.Tier, r.Rank, r.CohortSize, r.WeeklyXp, r.Move, r.NewTier)));
        var last = await SqliteLeagueFixture.GetAsync<PagedResult<LeagueWeekResult>>(Api.ClientFor(bronze[29]), "/api/leagues/history");
        Assert.Equal((30, "stay", "Bronze"), Single(last, r => (r.Rank, r.Move, r.NewTier)));
    }

    [Fact]
    public async Task RunningTheSettlerAgainAndAtOnceSettlesTheWeekOnce()
    {
        var week = FreshWeek();
        var cohorts = new List<List<Guid>>();
        for (var c = 0; c < 2; c++)
        {
            cohorts.Add(await Api.SeedCohortAsync(week, LeagueTier.Gold, c, ZoneScenario.Descending(30)));
        }
        Api.NextWeek();

        var reports = await Task.WhenAll(Api.SettleAsync(), Api.SettleAsync(), Api.SettleAsync());
        var again = await Api.SettleAsync();

        Assert.True(reports.Count(r => r.Settled.Contains(week)) <= 1);
        // A report sums every week its run settled (another test may leave an earlier week unsettled): read this one's row.
        var row = await sqlite.QueryAsync(db => db.LeagueWeeks.AsNoTracking().SingleAsync(w => w.WeekStart == week, Ct));
        Assert.Equal((60, 14, 10), (row.Placed, row.Promoted, row.Demoted));
        Assert.DoesNotContain(week, again.Settled);
        Assert.Equal(60, await sqlite.QueryAsync(db => db.LeagueResults.CountAsync(r => r.WeekStart == week, Ct)));
        var tiers = await Api.TiersAsync(cohorts.SelectMany(c => c));
        foreach (var cohort in cohorts)
        {
            Assert.All(cohort[..7], u => Assert.Equal(LeagueTier.Sapphire, tiers[u]));
            Assert.All(cohort[7..25], u => Assert.Equal(LeagueTier.Gold, tiers[u]));
            Assert.All(cohort[25..], u => Assert.Equal(LeagueTier.Silver, tiers[u]));
        }
    }

    [Fact]
    public async Task AnAnswerThatCommitsAfterItsWeekClosedCountsForTheNextWeek()
    {
        var week = FreshWeek(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(2));
        var questions = await sqlite.GradableQuestionsAsync();
        var learner = await Api.CreateUserAsync();
        await SqliteLeagueFixture.AnswerAsync(learner, questions[0]);

        // The settler's clock is past the week's end while the answer's still shows it: one process, but an answer that
        // read its clock before the week ended and reached the database after the week closed.
        var later = new FakeTimeProvider(Api.Time.GetUtcNow().AddSeconds(5));
        await using (var scope = Api.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<LeagueSettler>(scope.ServiceProvider, later).RunOnceAsync(Ct);
        }
        var late = await SqliteLeagueFixture.AnswerAsync(learner, questions[1]);

        var next = week.AddDays(7);
        Assert.Equal(questions[0].FirstXp, (await Api.PlacementAsync(week, learner.Id))!.Xp);
        Assert.Equal(late.XpGained, (await Api.PlacementAsync(next, learner.Id))!.Xp);
        Assert.Equal(questions[0].FirstXp,
            await sqlite.QueryAsync(db => db.LeagueResults.Where(r => r.UserId == learner.Id).Select(r => r.Xp).SingleAsync(Ct)));
    }

    [Fact]
    public async Task FirstXpBeforeLastWeekIsSettledWaitsThenJoinsTheNewTier()
    {
        var week = FreshWeek();
        var questions = await sqlite.GradableQuestionsAsync();
        var learner = await Api.CreateUserAsync();
        var others = await Api.SeedCohortAsync(week, LeagueTier.Bronze, 5, 1, 1, 1);
        await sqlite.QueryAsync(db =>
        {
            // The learner tops a cohort of four: promoted to Silver at the week's end.
            db.LeaguePlacements.Add(new LeaguePlacement
            {
                WeekStart = week, UserId = learner.Id, Tier = LeagueTier.Bronze, Cohort = 5, JoinOrder = 200, Xp = 500,
                ReachedAt = Api.Time.GetUtcNow(), JoinedAt = Api.Time.GetUtcNow(),
            });
            return db.SaveChangesAsync(Ct);
        });
        var member = await Api.CreateUserAsync();
        await sqlite.QueryAsync(db =>
        {
            db.LeagueMembers.Add(new LeagueMember { UserId = member.Id, Tier = LeagueTier.Silver });
            return db.SaveChangesAsync(Ct);
        });
        await Api.StopBackgroundSettlerAsync();

        // A Silver learner who did not play last week takes Silver's first seat at once; the two who did wait, then take
        // the next seats in the order they joined.
        var next = Api.NextWeek();
        var seated = await SqliteLeagueFixture.AnswerAsync(member, questions[0]);
        Api.Time.Advance(TimeSpan.FromSeconds(1));
        var answered = await SqliteLeagueFixture.AnswerAsync(learner, questions[0]);
        Api.Time.Advance(TimeSpan.FromSeconds(1));
        var other = new TestUser(others[0], "", Api.ClientFor(others[0]));
        var otherAnswered = await SqliteLeagueFixture.AnswerAsync(other, questions[0]);
        var placement = (await Api.PlacementAsync(next, learner.Id))!;
        Assert.Equal((null, null), (placement.Tier, placement.Cohort));
        Assert.Equal((LeagueTier.Silver, 1), ((await Api.PlacementAsync(next, member.Id))!.Tier, (await Api.PlacementAsync(next, member.Id))!.JoinOrder));

        await Api.SettleAsync();

        placement = (await Api.PlacementAsync(next, learner.Id))!;
        Assert.Equal((LeagueTier.Silver, (long)answered.XpGained, 0, 2), (placement.Tier, placement.Xp, placement.Cohort, placement.JoinOrder));
        var otherPlacement = (await Api.PlacementAsync(next, other.Id))!;
        Assert.Equal((LeagueTier.Silver, 0, 3), (otherPlacement.Tier, otherPlacement.Cohort, otherPlacement.JoinOrder));
        var fill = await sqlite.QueryAsync(db => db.LeagueCohortFills.AsNoTracking().SingleAsync(f => f.WeekStart == next && f.Tier == LeagueTier.Silver, Ct));
        Assert.Equal(3, fill.Joined);
        // Equal weekly XP: the member reached it first.
        Assert.Equal([seated.XpGained, seated.XpGained], new[] { answered.XpGained, otherAnswered.XpGained });
        var view = await SqliteLeagueFixture.GetAsync<LeagueCurrentResponse>(learner.Client, "/api/leagues/current");
        Assert.Equal((LeagueWords.Placed, "Silver", 2), (view.Status, view.Tier, view.Rank));
        Assert.All((await Api.TiersAsync(others)).Values, t => Assert.Equal(LeagueTier.Silver, t));
    }

    private static T Single<T>(PagedResult<LeagueWeekResult> page, Func<LeagueWeekResult, T> select) => select(Assert.Single(page.Items));
}
