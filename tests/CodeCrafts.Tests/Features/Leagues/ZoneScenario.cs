using CodeCrafts.Api.Features.Leagues;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Leagues;

/// <summary>
/// The week both settlement tests seed (PostgreSQL and SQLite), and the moves its settlement must make: the same
/// scenario on both providers, so a difference between their statements shows as a failing assertion.
/// </summary>
internal sealed record ZoneScenario(List<Guid> Silver, List<Guid> Bronze, List<Guid> Diamond, List<Guid> Small, List<Guid> Tied, List<Guid> Twins)
{
    public IEnumerable<Guid> Movers => [.. Silver, .. Bronze, .. Diamond, .. Small, .. Tied];

    /// <summary>XP 1000, 990, 980, …: one learner per value, best first.</summary>
    public static long[] Descending(int count) => Enumerable.Range(0, count).Select(i => (long)(1000 - i * 10)).ToArray();

    public static async Task<ZoneScenario> SeedAsync(ApiFactory host, DateOnly week)
    {
        var silver = await host.SeedCohortAsync(week, LeagueTier.Silver, 0, Descending(30));
        var bronze = await host.SeedCohortAsync(week, LeagueTier.Bronze, 0, Descending(30));
        var diamond = await host.SeedCohortAsync(week, LeagueTier.Diamond, 0, Descending(30));
        // Ten learners: the promotion zone (7) wins over the bottom five, so only ranks 8 to 10 go down.
        var small = await host.SeedCohortAsync(week, LeagueTier.Ruby, 0, Descending(10));
        // Equal XP: the one who reached it first (seeded earlier) ranks higher, here 7th against 8th.
        var tied = await host.SeedCohortAsync(week, LeagueTier.Gold, 0, [.. Descending(6), 500, 500, .. Descending(22).Select(x => x - 600)]);
        // Equal XP reached at the same instant: the final tie-break is the user id, descending (as uuids sort on PostgreSQL).
        var twins = await host.SeedCohortAsync(week, LeagueTier.Pearl, 0, 70, 70, 70, 70, 70, 70);
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>().LeaguePlacements
            .Where(p => p.WeekStart == week && twins.Contains(p.UserId))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReachedAt, LeagueWeeks.Start(week).AddHours(1)), TestContext.Current.CancellationToken);
        return new ZoneScenario(silver, bronze, diamond, small, tied, twins);
    }

    /// <summary>The tiers after settlement: top 7 up, bottom 5 down, none from Bronze down or from Diamond up.</summary>
    public async Task AssertTiersMovedAsync(ApiFactory host)
    {
        var tiers = await host.TiersAsync(Movers);
        Assert.All(Silver[..7], u => Assert.Equal(LeagueTier.Gold, tiers[u]));
        Assert.All(Silver[7..25], u => Assert.Equal(LeagueTier.Silver, tiers[u]));
        Assert.All(Silver[25..], u => Assert.Equal(LeagueTier.Bronze, tiers[u]));
        Assert.All(Bronze[..7], u => Assert.Equal(LeagueTier.Silver, tiers[u]));
        Assert.All(Bronze[7..], u => Assert.Equal(LeagueTier.Bronze, tiers[u]));
        Assert.All(Diamond[..25], u => Assert.Equal(LeagueTier.Diamond, tiers[u]));
        Assert.All(Diamond[25..], u => Assert.Equal(LeagueTier.Obsidian, tiers[u]));
        Assert.All(Small[..7], u => Assert.Equal(LeagueTier.Emerald, tiers[u]));
        Assert.All(Small[7..], u => Assert.Equal(LeagueTier.Sapphire, tiers[u]));
        Assert.Equal((LeagueTier.Sapphire, LeagueTier.Gold), (tiers[Tied[6]], tiers[Tied[7]]));
    }
}
