namespace CodeCrafts.Api.Features.Streaks;

/// <summary>A learner's streak as PostgreSQL stores it on the user row (and Redis caches it).</summary>
/// <param name="LastActiveOn">The last day XP was earned, on the learner's calendar.</param>
/// <param name="LastActiveTimeZoneId">The zone that day was counted in.</param>
public sealed record StreakState(int Current, int Longest, DateOnly? LastActiveOn, string? LastActiveTimeZoneId)
{
    public static readonly StreakState None = new(0, 0, null, null);
}

/// <summary>What earning XP now does to a streak, and on which day the XP counts.</summary>
public sealed record StreakStep(DateOnly Day, StreakState State, bool Changed);

/// <summary>
/// The streak rules (README "Learning loop"). A day counts when the learner earns XP in it by their local calendar.
/// The streak continues when the last counted day is yesterday, restarts at 1 after a gap and counts each day once.
/// Moving time zones neither gains nor loses a day: "yesterday" holds by the new calendar or by the one the last
/// day was counted in (flying east skips a date), and a date already counted is never counted again even when
/// flying west shows it a second time — the learner stays on that day until their calendar passes it.
/// </summary>
public static class StreakRules
{
    /// <summary>The day XP and activity are booked on: today, but never before a day already counted.</summary>
    public static DateOnly LearnerDay(StreakState state, string? zoneId, DateTimeOffset now)
    {
        var today = LearnerCalendar.Today(zoneId, now);
        return state.LastActiveOn is { } last && last > today ? last : today;
    }

    public static StreakStep EarnXp(StreakState state, string? zoneId, DateTimeOffset now)
    {
        var today = LearnerCalendar.Today(zoneId, now);
        if (state.LastActiveOn is { } last && today <= last)
        {
            return new StreakStep(last, state, false);
        }

        var current = state.LastActiveOn is { } previous && IsYesterday(previous, today, state.LastActiveTimeZoneId, now)
            ? state.Current + 1
            : 1;
        return new StreakStep(today, new StreakState(current, Math.Max(state.Longest, current), today, zoneId), true);
    }

    /// <summary>The streak to show now: the stored one, or 0 once a whole day has passed without XP.</summary>
    public static int CurrentOn(StreakState state, string? zoneId, DateTimeOffset now) =>
        state.LastActiveOn is { } last && IsYesterday(last, LearnerCalendar.Today(zoneId, now), state.LastActiveTimeZoneId, now)
            ? state.Current
            : 0;

    // True when `last` is today or yesterday by either calendar.
    private static bool IsYesterday(DateOnly last, DateOnly today, string? lastZoneId, DateTimeOffset now) =>
        today <= last.AddDays(1) || (lastZoneId is not null && LearnerCalendar.Today(lastZoneId, now) <= last.AddDays(1));
}
