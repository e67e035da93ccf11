namespace CodeCrafts.Api.Features.Streaks;

/// <summary>The learner's streak freezes now: a freeze keeps the streak alive through one missed day.</summary>
/// <param name="Held">Freezes the learner holds now, ready for the next missed day (0 to <paramref name="Max"/>).</param>
/// <param name="Max">The most a learner can hold; a milestone reached while holding this many earns nothing.</param>
/// <param name="Used">Freezes used since the account began, including those used by days missed since the last answer.</param>
/// <param name="EarnedEvery">A freeze is earned each time the streak reaches a multiple of this many days (7, 14, 21, …).</param>
/// <param name="NextAtStreak">The streak length at which the next freeze is earned.</param>
public sealed record StreakFreezeSummary(int Held, int Max, int Used, int EarnedEvery, int NextAtStreak)
{
    public static StreakFreezeSummary From(StreakView view) => new(
        view.Freezes, StreakRules.MaxFreezes, view.FreezesUsed, StreakRules.FreezeEvery,
        (view.Current / StreakRules.FreezeEvery + 1) * StreakRules.FreezeEvery);
}
