using System.Net;
using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Leagues;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Leagues;

/// <summary>The week's end: zones at their edges, exactly once across replicas, and the history it leaves.</summary>
public sealed class SettlementTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheTopSevenMoveUpTheBottomFiveDownExceptFromBronzeAndDiamond()
    {
        var week = api.Factory.NextWeek();
        var scenario = await ZoneScenario.SeedAsync(api.Factory, week);
        var (_, _, _, _, tied, twins) = scenario;

        api.Factory.NextWeek();
        // The clock's jump may also wake the background settler: either way the week is settled once this returns.
        await api.Factory.SettleAsync();

        await scenario.AssertTiersMovedAsync(api.Factory);

        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var row = await db.LeagueWeeks.AsNoTracking().SingleAsync(w => w.WeekStart == week, Ct);
        Assert.Equal((136, 7 + 7 + 7 + 7 + 6, 5 + 5 + 3 + 5), (row.Placed, row.Promoted, row.Demoted));
        var tiedResult = await db.LeagueResults.AsNoTracking().SingleAsync(r => r.UserId == tied[7], Ct);
        Assert.Equal((8, 30), (tiedResult.Rank, tiedResult.CohortSize));
        var twinRanks = await db.LeagueResults.AsNoTracking().Where(r => twins.Contains(r.UserId)).ToDictionaryAsync(r => r.UserId, r => r.Rank, Ct);
        Assert.Equal(twins.OrderByDescending(u => u.ToString(), StringComparer.Ordinal), twins.OrderBy(u => twinRanks[u]));

        // Settled once: a second run finds nothing to do.
        Assert.DoesNotContain(week, (await api.Factory.SettleAsync()).Settled);
    }

    [Fact]
    public async Task TwoReplicasSettlingAtOnceSettleTheWeekExactlyOnce()
    {
        var week = api.Factory.NextWeek();
        var cohorts = new List<List<Guid>>();
        for (var c = 0; c < 3; c++)
        {
            cohorts.Add(await api.SeedCohortAsync(week, LeagueTier.Gold, c, ZoneScenario.Descending(30)));
        }
        api.Factory.NextWeek();
        await using var replica = new ApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:codecrafts"] = api.DatabaseConnectionString,
            ["ConnectionStrings:cache"] = api.Redis.ConnectionString,
        });
        replica.Time.SetUtcNow(api.Factory.Time.GetUtcNow());

        var reports = await Task.WhenAll(api.Factory.SettleAsync(), replica.SettleAsync(), api.Factory.SettleAsync(), replica.SettleAsync());

        // At most one of these runs settled it (the background settlers, woken by the clock's jump, may have won).
        Assert.True(reports.Count(r => r.Settled.Contains(week)) <= 1);
        Assert.All(reports.Where(r => r.Settled.Contains(week)), r => Assert.Equal(90, r.Placed));
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.Equal(90, await db.LeagueResults.CountAsync(r => r.WeekStart == week, Ct));
        var tiers = await api.TiersAsync(cohorts.SelectMany(c => c));
        foreach (var cohort in cohorts)
        {
            Assert.All(cohort[..7], u => Assert.Equal(LeagueTier.Sapphire, tiers[u]));
            Assert.All(cohort[25..], u => Assert.Equal(LeagueTier.Silver, tiers[u]));
        }
    }

    [Fact]
    public async Task HistoryListsSettledWeeksNewestFirstWithRankAndMove()
    {
        var first = api.Factory.NextWeek();
        var users = await api.SeedCohortAsync(first, LeagueTier.Silver, 0, ZoneScenario.Descending(12));
        var second = api.Factory.NextWeek();
        await api.Factory.SettleAsync();
        // The leader plays again the next week, now in Gold, alone: promoted again.
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            db.LeagueWeeks.Add(new LeagueWeek { WeekStart = second });
            db.LeaguePlacements.Add(new LeaguePlacement
            {
                WeekStart = second, UserId = users[0], Tier = LeagueTier.Gold, Cohort = 0, JoinOrder = 1, Xp = 40,
                ReachedAt = api.Factory.Time.GetUtcNow(), JoinedAt = api.Factory.Time.GetUtcNow(),
            });
            await db.SaveChangesAsync(Ct);
        }
        api.Factory.NextWeek();
        await api.Factory.SettleAsync();

        var history = await api.GetAsync<PagedResult<LeagueWeekResult>>(users[0], "/api/leagues/history?pageSize=1");
        Assert.Equal(2, history.Total);
        var latest = Assert.Single(history.Items);
        Assert.Equal((LeagueWeeks.Label(second), "Gold", 1, 1, 40L, "up", "Sapphire"),
            (latest.Week, latest.Tier, latest.Rank, latest.CohortSize, latest.WeeklyXp, latest.Move, latest.NewTier));
        var older = (await api.GetAsync<PagedResult<LeagueWeekResult>>(users[0], "/api/leagues/history?page=2&pageSize=1")).Items.Single();
        Assert.Equal((LeagueWeeks.Label(first), "Silver", "up"), (older.Week, older.Tier, older.Move));
        var last = (await api.GetAsync<PagedResult<LeagueWeekResult>>(users[11], "/api/leagues/history")).Items.Single();
        Assert.Equal((12, "down", "Bronze"), (last.Rank, last.Move, last.NewTier));

        var bad = await api.ClientFor(users[0]).GetAsync("/api/leagues/history?pageSize=0", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("pageSize", await bad.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/api/leagues/current", Ct)).StatusCode);
    }
}
