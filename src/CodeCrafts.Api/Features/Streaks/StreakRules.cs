namespace CodeCrafts.Api.Features.Streaks;

/// <summary>A learner's streak as PostgreSQL stores it on the user row (and Redis caches it).</summary>
/// <param name="LastActiveOn">The last day XP was earned, on the learner's calendar.</param>
/// <param name="LastActiveTimeZoneId">The zone that day was counted in.</param>
/// <param name="Freezes">Streak freezes held (0 to <see cref="StreakRules.MaxFreezes"/>), as of <paramref name="LastActiveOn"/>.</param>
/// <param name="FreezesUsed">Freezes used since the account began, as of <paramref name="LastActiveOn"/>.</param>
public sealed record StreakState(
    int Current, int Longest, DateOnly? LastActiveOn, string? LastActiveTimeZoneId, int Freezes = 0, int FreezesUsed = 0)
{
    public static readonly StreakState None = new(0, 0, null, null);
}

/// <summary>What earning XP now does to a streak, and on which day the XP counts.</summary>
public sealed record StreakStep(DateOnly Day, StreakState State, bool Changed)
{
    /// <summary>The missed days a freeze covered, to store with this step (oldest first).</summary>
    public IReadOnlyList<DateOnly> FrozenDays { get; init; } = [];
}

/// <summary>
/// The streak rules (README "Learning loop"). A day counts when the learner earns XP in it by their local calendar.
/// The streak continues when the last counted day is yesterday, restarts at 1 after a gap and counts each day once.
/// Moving time zones neither gains nor loses a day: "yesterday" holds by the new calendar or by the one the last
/// day was counted in (flying east skips a date), and a date already counted is never counted again even when
/// flying west shows it a second time — the learner stays on that day until their calendar passes it.
/// Freezes (README "Streak freezes") are applied lazily, by <see cref="StreakFreezes"/>, from the stored state.
/// </summary>
public static class StreakRules
{
    /// <summary>A freeze is earned each time the streak reaches a multiple of this.</summary>
    public const int FreezeEvery = 7;

    public const int MaxFreezes = 2;

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

        var missed = StreakFreezes.Apply(state, zoneId, now);
        var current = missed.Survives ? state.Current + 1 : 1;
        var freezes = missed.FreezesLeft;
        if (current % FreezeEvery == 0)
        {
            freezes = Math.Min(MaxFreezes, freezes + 1);
        }
        var next = new StreakState(current, Math.Max(state.Longest, current), today, zoneId, freezes, state.FreezesUsed + missed.FrozenDays.Count);
        return new StreakStep(today, next, true) { FrozenDays = missed.FrozenDays };
    }

    /// <summary>The streak to show now: the stored one while freezes cover the missed days, else 0.</summary>
    public static int CurrentOn(StreakState state, string? zoneId, DateTimeOffset now) => StreakFreezes.Show(state, zoneId, now).Current;

    /// <summary>
    /// Whole days missed since the last counted day: the days strictly between it and today, by whichever of the
    /// current calendar and the one that day was counted in is further behind (so a move never costs a day).
    /// </summary>
    public static int MissedDays(StreakState state, string? zoneId, DateTimeOffset now)
    {
        if (state.LastActiveOn is not { } last)
        {
            return 0;
        }
        var today = LearnerCalendar.Today(zoneId, now);
        if (state.LastActiveTimeZoneId is { } lastZone && LearnerCalendar.Today(lastZone, now) is var then && then < today)
        {
            today = then;
        }
        return Math.Max(0, today.DayNumber - last.DayNumber - 1);
    }
}
