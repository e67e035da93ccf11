using CodeCrafts.Api.Features.Streaks;

namespace CodeCrafts.Tests.Features.Streaks;

/// <summary>Streak freezes as pure rules: earned at each 7-day milestone, used by missed days, shown by reads.</summary>
public sealed class StreakFreezeRulesTests
{
    private const string Utc = "Etc/UTC";
    private const string Kiritimati = "Pacific/Kiritimati"; // UTC+14
    private const string MinusTwelve = "Etc/GMT+12";         // UTC−12 (POSIX sign)
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly FirstDay = new(2026, 3, 10);

    /// <summary>XP at noon UTC on each of the given day offsets from the 10th of March.</summary>
    private static StreakState Earn(StreakState state, params int[] days) =>
        days.Aggregate(state, (s, d) => StreakRules.EarnXp(s, Utc, Noon.AddDays(d)).State);

    private static StreakState Streak(int length) => Earn(StreakState.None, [.. Enumerable.Range(0, length)]);

    [Fact]
    public void AFreezeIsEarnedAtEverySevenDayMilestoneAndAtMostTwoAreHeld()
    {
        var heldEachDay = new List<int>();
        var state = StreakState.None;
        for (var day = 0; day < 21; day++)
        {
            state = Earn(state, day);
            heldEachDay.Add(state.Freezes);
        }

        Assert.Equal(0, heldEachDay[5]);
        Assert.Equal(1, heldEachDay[6]);   // day 7
        Assert.Equal(1, heldEachDay[12]);
        Assert.Equal(2, heldEachDay[13]);  // day 14
        Assert.Equal(2, heldEachDay[20]);  // day 21: already two
        Assert.Equal(21, state.Current);
        Assert.Equal(0, state.FreezesUsed);
    }

    [Fact]
    public void AMissedDayUsesAFreezeTheStreakGoesOnAndTheDayIsFrozen()
    {
        var week = Streak(7);

        var step = StreakRules.EarnXp(week, Utc, Noon.AddDays(8)); // the 17th of March was missed

        Assert.Equal(8, step.State.Current);
        Assert.Equal(0, step.State.Freezes);
        Assert.Equal(1, step.State.FreezesUsed);
        Assert.Equal([FirstDay.AddDays(7)], step.FrozenDays);
    }

    [Fact]
    public void TwoMissedDaysUseTwoFreezes()
    {
        var fortnight = Streak(14);

        var step = StreakRules.EarnXp(fortnight, Utc, Noon.AddDays(16));

        Assert.Equal(15, step.State.Current);
        Assert.Equal(0, step.State.Freezes);
        Assert.Equal(2, step.State.FreezesUsed);
        Assert.Equal([FirstDay.AddDays(14), FirstDay.AddDays(15)], step.FrozenDays);
    }

    [Fact]
    public void MoreMissedDaysThanFreezesBreakTheStreakAfterUsingTheFreezesHeld()
    {
        var week = Streak(7);

        var step = StreakRules.EarnXp(week, Utc, Noon.AddDays(9)); // two missed days, one freeze

        Assert.Equal(1, step.State.Current);
        Assert.Equal(7, step.State.Longest);
        Assert.Equal(0, step.State.Freezes);
        Assert.Equal(1, step.State.FreezesUsed);
        Assert.Equal([FirstDay.AddDays(7)], step.FrozenDays);
    }

    [Fact]
    public void WithoutFreezesAMissedDayBreaksTheStreakAsBefore()
    {
        var step = StreakRules.EarnXp(Streak(6), Utc, Noon.AddDays(7));

        Assert.Equal(1, step.State.Current);
        Assert.Empty(step.FrozenDays);
        Assert.Equal(0, step.State.FreezesUsed);
    }

    [Fact]
    public void AReadDuringTheGapKeepsTheStreakAndShowsTheFreezeItWillUseWithoutUsingItTwice()
    {
        var week = Streak(7);
        var duringGap = Noon.AddDays(8).AddHours(-4); // the 17th is over, nothing earned yet on the 18th

        var first = StreakFreezes.Show(week, Utc, duringGap);
        var second = StreakFreezes.Show(week, Utc, duringGap.AddHours(1));
        var afterAnswer = StreakRules.EarnXp(week, Utc, duringGap.AddHours(2));
        var readAfterAnswer = StreakFreezes.Show(afterAnswer.State, Utc, duringGap.AddHours(3));

        Assert.Equal((7, 0, 1), (first.Current, first.Freezes, first.FreezesUsed));
        Assert.Equal([FirstDay.AddDays(7)], first.PendingFrozenDays);
        Assert.Equal(first.PendingFrozenDays, second.PendingFrozenDays);
        Assert.Equal(1, afterAnswer.State.FreezesUsed);
        Assert.Equal(8, readAfterAnswer.Current);
        Assert.Equal(1, readAfterAnswer.FreezesUsed);
        Assert.Empty(readAfterAnswer.PendingFrozenDays);
    }

    [Fact]
    public void AReadAfterMoreMissedDaysThanFreezesShowsZeroAndTheFreezesUsed()
    {
        var view = StreakFreezes.Show(Streak(7), Utc, Noon.AddDays(9));

        Assert.Equal(0, view.Current);
        Assert.Equal(0, view.Freezes);
        Assert.Equal(1, view.FreezesUsed);
        Assert.Equal([FirstDay.AddDays(7)], view.PendingFrozenDays);
    }

    [Fact]
    public void InUtcPlus14TheFreezeIsUsedAtTheLearnersMidnightNotAtUtcMidnight()
    {
        var state = new StreakState(7, 7, new DateOnly(2026, 3, 10), Kiritimati, Freezes: 1);
        var lateOnThe11th = new DateTimeOffset(2026, 3, 11, 23, 50, 0, TimeSpan.FromHours(14));

        var beforeMidnight = StreakFreezes.Show(state, Kiritimati, lateOnThe11th);
        var afterMidnight = StreakFreezes.Show(state, Kiritimati, lateOnThe11th.AddMinutes(20));

        Assert.Equal(lateOnThe11th.UtcDateTime.Date, lateOnThe11th.AddMinutes(20).UtcDateTime.Date); // UTC did not change date
        Assert.Equal((7, 1, 0), (beforeMidnight.Current, beforeMidnight.Freezes, beforeMidnight.FreezesUsed));
        Assert.Equal((7, 0, 1), (afterMidnight.Current, afterMidnight.Freezes, afterMidnight.FreezesUsed));
        Assert.Equal([new DateOnly(2026, 3, 11)], afterMidnight.PendingFrozenDays);
    }

    [Fact]
    public void InUtcMinus12TheFreezeWaitsForTheLearnersMidnightAcrossTheUtcDateChange()
    {
        var state = new StreakState(7, 7, new DateOnly(2026, 3, 10), MinusTwelve, Freezes: 1);
        var earlyOnThe11th = new DateTimeOffset(2026, 3, 11, 0, 10, 0, TimeSpan.FromHours(-12));

        var stillNoMissedDay = StreakRules.EarnXp(state, MinusTwelve, earlyOnThe11th.AddHours(23.5)); // UTC is on the 12th
        var oneMissedDay = StreakRules.EarnXp(state, MinusTwelve, earlyOnThe11th.AddHours(24));

        Assert.Empty(stillNoMissedDay.FrozenDays);
        Assert.Equal((8, 1), (stillNoMissedDay.State.Current, stillNoMissedDay.State.Freezes));
        Assert.Equal([new DateOnly(2026, 3, 11)], oneMissedDay.FrozenDays);
        Assert.Equal((8, 0), (oneMissedDay.State.Current, oneMissedDay.State.Freezes));
    }

    [Fact]
    public void FlyingEastOverTheDateLineUsesNoFreezeForTheSkippedDate()
    {
        // 23:00 on the 10th in UTC−12; two hours later Kiritimati shows the 12th, but the 11th has not been missed.
        var lastNight = new DateTimeOffset(2026, 3, 10, 23, 0, 0, TimeSpan.FromHours(-12));
        var state = new StreakState(7, 7, new DateOnly(2026, 3, 10), MinusTwelve, Freezes: 1);

        var step = StreakRules.EarnXp(state, Kiritimati, lastNight.AddHours(2));

        Assert.Empty(step.FrozenDays);
        Assert.Equal((8, 1, 0), (step.State.Current, step.State.Freezes, step.State.FreezesUsed));
    }

    [Fact]
    public void FlyingWestNeverUsesAFreezeForADayAlreadyCounted()
    {
        var counted = new DateTimeOffset(2026, 3, 11, 0, 30, 0, TimeSpan.FromHours(14));
        var state = new StreakState(7, 7, new DateOnly(2026, 3, 11), Kiritimati, Freezes: 2);

        var view = StreakFreezes.Show(state, MinusTwelve, counted.AddHours(2)); // UTC−12 shows the 9th

        Assert.Equal((7, 2, 0), (view.Current, view.Freezes, view.FreezesUsed));
        Assert.Empty(view.PendingFrozenDays);
    }
}
