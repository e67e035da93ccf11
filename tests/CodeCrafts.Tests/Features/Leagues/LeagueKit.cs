using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Leagues;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CodeCrafts.Tests.Features.Leagues;

/// <summary>Moving the test clock between league weeks, settling, and arranging whole cohorts without answering.</summary>
internal static class LeagueKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Moves the clock to the next Monday (UTC) plus <paramref name="into"/>: a fresh week with empty cohorts.</summary>
    public static DateOnly NextWeek(this ApiFactory api, TimeSpan? into = null)
    {
        var now = api.Time.GetUtcNow();
        var monday = IsoWeek.Of(now).End;
        api.Time.SetUtcNow(monday + (into ?? TimeSpan.FromHours(1)));
        return DateOnly.FromDateTime(monday.UtcDateTime);
    }

    /// <summary>For tests that must see the moment between a week's end and its settlement: no settling unless asked.</summary>
    public static async Task StopBackgroundSettlerAsync(this ApiFactory api)
    {
        foreach (var settler in api.Services.GetServices<IHostedService>().OfType<LeagueSettlerService>())
        {
            await settler.StopAsync(Ct);
        }
    }

    public static async Task<LeagueSettlementReport> SettleAsync(this ApiFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LeagueSettler>().RunOnceAsync(Ct);
    }

    public static Task<LeagueCurrentResponse> LeagueAsync(this ApiFixture api, TestUser user) =>
        api.GetAsync<LeagueCurrentResponse>(user.Id, "/api/leagues/current");

    /// <summary>
    /// A cohort placed straight into the database, as answers would have placed it: one learner per XP value, joined in
    /// the given order a second apart (and reaching their XP in that order too), in <paramref name="tier"/>.
    /// </summary>
    public static Task<List<Guid>> SeedCohortAsync(this ApiFixture api, DateOnly week, LeagueTier tier, int cohort, params long[] xps) =>
        api.Factory.SeedCohortAsync(week, tier, cohort, xps);

    /// <summary>The same on any host, PostgreSQL or SQLite: written through the host's own DbContext.</summary>
    public static async Task<List<Guid>> SeedCohortAsync(this ApiFactory host, DateOnly week, LeagueTier tier, int cohort, params long[] xps)
    {
        var users = new List<Guid>();
        foreach (var _ in xps)
        {
            users.Add((await host.CreateUserAsync()).Id);
        }
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>();
        var start = new DateTimeOffset(week.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(1);
        if (!await db.LeagueWeeks.AnyAsync(w => w.WeekStart == week, Ct))
        {
            db.LeagueWeeks.Add(new LeagueWeek { WeekStart = week });
        }
        for (var i = 0; i < xps.Length; i++)
        {
            if (tier != LeagueTier.Bronze)
            {
                db.LeagueMembers.Add(new LeagueMember { UserId = users[i], Tier = tier });
            }
            db.LeaguePlacements.Add(new LeaguePlacement
            {
                WeekStart = week, UserId = users[i], Tier = tier, Cohort = cohort, JoinOrder = cohort * 30 + i + 1, Xp = xps[i],
                ReachedAt = start.AddSeconds(i), JoinedAt = start.AddSeconds(i),
            });
        }
        await db.SaveChangesAsync(Ct);
        return users;
    }

    public static Task<Dictionary<Guid, LeagueTier>> TiersAsync(this ApiFixture api, IEnumerable<Guid> users) =>
        api.Factory.TiersAsync(users);

    public static async Task<Dictionary<Guid, LeagueTier>> TiersAsync(this ApiFactory host, IEnumerable<Guid> users)
    {
        var ids = users.ToList();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>();
        var rows = await db.LeagueMembers.AsNoTracking().Where(m => ids.Contains(m.UserId)).ToDictionaryAsync(m => m.UserId, m => m.Tier, Ct);
        return ids.ToDictionary(id => id, id => rows.GetValueOrDefault(id, LeagueTier.Bronze));
    }

    public static Task<LeaguePlacement?> PlacementAsync(this ApiFixture api, DateOnly week, Guid userId) =>
        api.Factory.PlacementAsync(week, userId);

    public static async Task<LeaguePlacement?> PlacementAsync(this ApiFactory host, DateOnly week, Guid userId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>();
        return await db.LeaguePlacements.AsNoTracking().SingleOrDefaultAsync(p => p.WeekStart == week && p.UserId == userId, Ct);
    }
}
