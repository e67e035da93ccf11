namespace CodeCrafts.Api.Features.Streaks;

/// <summary>What the missed days since the last counted one do to a streak.</summary>
/// <param name="Survives">True when freezes covered every missed day (or none was missed).</param>
/// <param name="FrozenDays">The missed days a freeze covers, oldest first.</param>
public sealed record MissedDays(bool Survives, int FreezesLeft, IReadOnlyList<DateOnly> FrozenDays);

/// <summary>The streak as a read shows it now, freezes included.</summary>
/// <param name="PendingFrozenDays">Missed days a freeze covers that no answer has stored yet.</param>
public sealed record StreakView(int Current, int Longest, int Freezes, int FreezesUsed, IReadOnlyList<DateOnly> PendingFrozenDays);

/// <summary>
/// Freezes, applied lazily. Each missed day uses one freeze while any is held, oldest day first, as if a job had run at
/// each of the learner's midnights; the first missed day with none left breaks the streak (the freezes used before it
/// stay used, as they would have been). Nothing is written until the learner's next XP: the answer stores what
/// <see cref="Apply"/> decides, and every read shows the same outcome from the stored state through <see cref="Show"/>
/// without writing it — so a read never breaks a streak a freeze keeps, and no freeze is ever used twice (the stored
/// state's last counted day moves past the frozen days when they are stored).
/// </summary>
public static class StreakFreezes
{
    public static MissedDays Apply(StreakState state, string? zoneId, DateTimeOffset now)
    {
        var missed = StreakRules.MissedDays(state, zoneId, now);
        if (missed == 0 || state.LastActiveOn is not { } last)
        {
            return new MissedDays(true, state.Freezes, []);
        }
        var used = Math.Min(missed, state.Freezes);
        var frozen = Enumerable.Range(1, used).Select(last.AddDays).ToList();
        return new MissedDays(missed <= state.Freezes, state.Freezes - used, frozen);
    }

    public static StreakView Show(StreakState state, string? zoneId, DateTimeOffset now)
    {
        var missed = Apply(state, zoneId, now);
        var current = state.LastActiveOn is null || !missed.Survives ? 0 : state.Current;
        return new StreakView(current, state.Longest, missed.FreezesLeft, state.FreezesUsed + missed.FrozenDays.Count, missed.FrozenDays);
    }
}
