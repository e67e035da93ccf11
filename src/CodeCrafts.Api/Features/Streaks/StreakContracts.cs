using System.ComponentModel;

namespace CodeCrafts.Api.Features.Streaks;

/// <summary>The learner's streak freezes now: a freeze keeps the streak alive through one missed day.</summary>
[Description("A learner's streak freezes now. A freeze is earned at every 7-day streak milestone (7, 14, 21, …), at most 2 are held, " +
    "and each day missed in the learner's time zone uses one automatically, so the streak survives and that day is marked frozen.")]
public sealed record StreakFreezeSummary(
    [property: Description("Freezes held now, ready for the next missed day (0 to max).")] int Held,
    [property: Description("The most a learner can hold (2); a milestone reached while holding this many earns nothing.")] int Max,
    [property: Description("Freezes used since the account began, including any that days missed since the last answer are using now.")] int Used,
    [property: Description("A freeze is earned each time the streak reaches a multiple of this many days (7).")] int EarnedEvery,
    [property: Description("The streak length, in days, at which the next freeze is earned.")] int NextAtStreak)
{
    public static StreakFreezeSummary From(StreakView view) => new(
        view.Freezes, StreakRules.MaxFreezes, view.FreezesUsed, StreakRules.FreezeEvery,
        (view.Current / StreakRules.FreezeEvery + 1) * StreakRules.FreezeEvery);
}
