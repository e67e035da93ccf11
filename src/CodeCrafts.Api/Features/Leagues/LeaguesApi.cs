using System.Security.Claims;
using CodeCrafts.Api.Common;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Leagues;

internal static class LeaguesApi
{
    public static async Task<Ok<LeagueCurrentResponse>> GetCurrent(ClaimsPrincipal user, LeagueStandings standings, CancellationToken ct) =>
        TypedResults.Ok(await standings.CurrentAsync(user.GetUserId(), ct));

    public static async Task<Ok<PagedResult<LeagueWeekResult>>> GetHistory(
        [AsParameters] PageRequest page, ClaimsPrincipal user, CodeCraftsDbContext db, CancellationToken ct)
    {
        var userId = user.GetUserId();
        var mine = db.LeagueResults.AsNoTracking().Where(r => r.UserId == userId);
        var total = await mine.LongCountAsync(ct);
        var rows = await mine.OrderByDescending(r => r.WeekStart).Skip(page.Skip).Take(page.PageSize)
            .Select(r => new { r.WeekStart, r.Tier, r.Rank, r.CohortSize, r.Xp, r.NewTier })
            .ToListAsync(ct);
        var items = rows.Select(r => new LeagueWeekResult(
            LeagueWeeks.Label(r.WeekStart), r.Tier.ToString(), r.Rank, r.CohortSize, r.Xp, Move(r.Tier, r.NewTier), r.NewTier.ToString())).ToList();
        return TypedResults.Ok(new PagedResult<LeagueWeekResult>(items, page.Page, page.PageSize, total));
    }

    private static string Move(LeagueTier from, LeagueTier to) =>
        to > from ? LeagueWords.Up : to < from ? LeagueWords.Down : LeagueWords.Stay;
}
