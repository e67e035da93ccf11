using System.Security.Claims;
using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Streaks;
using CodeCrafts.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Progress;

/// <summary>GET /api/users/me/stats (the profile itself, /api/users/me, belongs to the Users feature).</summary>
internal static class StatsApi
{
    public const int ActivityDays = 30;

    public static async Task<Results<Ok<UserStats>, ProblemHttpResult>> GetStats(
        ClaimsPrincipal principal, StreakStore streaks, TimeProvider time, CodeCraftsDbContext db, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var profile = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Xp, u.DailyXpGoal, u.TimeZoneId })
            .SingleOrDefaultAsync(cancellationToken);
        var streak = await streaks.GetAsync(userId, cancellationToken);
        if (profile is null || streak is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "User not found",
                detail: "The account of this access token no longer exists.");
        }

        var now = time.GetUtcNow();
        var today = StreakRules.LearnerDay(streak, profile.TimeZoneId, now);
        var from = today.AddDays(1 - ActivityDays);
        var days = await db.DailyActivity.AsNoTracking()
            .Where(a => a.UserId == userId && a.Day >= from && a.Day <= today)
            .ToDictionaryAsync(a => a.Day, cancellationToken);
        var view = StreakFreezes.Show(streak, profile.TimeZoneId, now);
        var frozen = await streaks.FrozenDaysAsync(userId, view, from, today, cancellationToken);
        var last30 = Enumerable.Range(0, ActivityDays)
            .Select(i => from.AddDays(i))
            .Select(d => days.TryGetValue(d, out var a)
                ? new DayActivity(d, a.Xp, a.Answers, a.CorrectAnswers, frozen.Contains(d))
                : new DayActivity(d, 0, 0, 0, frozen.Contains(d)))
            .ToList();

        var level = LevelCurve.LevelFor(profile.Xp);
        var todayXp = last30[^1].Xp;
        return TypedResults.Ok(new UserStats(
            profile.Xp, level, LevelCurve.XpForLevel(level), LevelCurve.XpForLevel(level + 1),
            view.Current, view.Longest, StreakFreezeSummary.From(view),
            today, todayXp, profile.DailyXpGoal, todayXp >= profile.DailyXpGoal,
            last30));
    }
}
