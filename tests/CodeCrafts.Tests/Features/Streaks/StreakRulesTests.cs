using CodeCrafts.Api.Features.Streaks;

namespace CodeCrafts.Tests.Features.Streaks;

public sealed class StreakRulesTests
{
    private const string Utc = "Etc/UTC";
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheFirstDayWithXpStartsAStreakOfOne()
    {
        var step = StreakRules.EarnXp(StreakState.None, Utc, Noon);

        Assert.True(step.Changed);
        Assert.Equal(new StreakState(1, 1, new DateOnly(2026, 3, 10), Utc), step.State);
    }

    [Fact]
    public void XpTheDayAfterContinuesAndXpAfterAGapRestarts()
    {
        var day1 = StreakRules.EarnXp(StreakState.None, Utc, Noon).State;

        var day2 = StreakRules.EarnXp(day1, Utc, Noon.AddDays(1)).State;
        var day4 = StreakRules.EarnXp(day2, Utc, Noon.AddDays(3)).State;

        Assert.Equal(2, day2.Current);
        Assert.Equal(1, day4.Current);
        Assert.Equal(2, day4.Longest);
    }

    [Fact]
    public void MoreXpOnTheSameDayChangesNothing()
    {
        var state = StreakRules.EarnXp(StreakState.None, Utc, Noon).State;

        var again = StreakRules.EarnXp(state, Utc, Noon.AddHours(11));

        Assert.False(again.Changed);
        Assert.Same(state, again.State);
    }

    [Fact]
    public void TheShownStreakDropsToZeroOnlyAfterAWholeDayWithoutXp()
    {
        var state = StreakRules.EarnXp(StreakState.None, Utc, Noon).State;

        Assert.Equal(1, StreakRules.CurrentOn(state, Utc, Noon.AddDays(1).AddHours(11)));
        Assert.Equal(0, StreakRules.CurrentOn(state, Utc, Noon.AddDays(1).AddHours(12)));
    }

    [Fact]
    public void FlyingEastOverTheDateLineDoesNotBreakTheStreak()
    {
        // 23:00 on the 10th in UTC−12 is 11:00 UTC on the 11th; two hours later Kiritimati (UTC+14) already shows the 12th.
        var lastNight = new DateTimeOffset(2026, 3, 10, 23, 0, 0, TimeSpan.FromHours(-12));
        var state = new StreakState(5, 5, new DateOnly(2026, 3, 10), "Etc/GMT+12");

        var step = StreakRules.EarnXp(state, "Pacific/Kiritimati", lastNight.AddHours(2));

        Assert.Equal(new DateOnly(2026, 3, 12), step.Day);
        Assert.Equal(6, step.State.Current);
    }

    [Fact]
    public void FlyingWestOverTheDateLineDoesNotCountADayTwice()
    {
        // 00:30 on the 11th in Kiritimati is 10:30 UTC on the 10th; UTC−12 then shows the 9th, and later the 10th and 11th again.
        var counted = new DateTimeOffset(2026, 3, 11, 0, 30, 0, TimeSpan.FromHours(14));
        var state = new StreakState(5, 5, new DateOnly(2026, 3, 11), "Pacific/Kiritimati");

        var sameEvening = StreakRules.EarnXp(state, "Etc/GMT+12", counted.AddHours(2));
        var localEleventh = StreakRules.EarnXp(state, "Etc/GMT+12", counted.AddHours(26 + 12));
        var localTwelfth = StreakRules.EarnXp(state, "Etc/GMT+12", counted.AddHours(50 + 12));

        Assert.False(sameEvening.Changed);
        Assert.Equal(new DateOnly(2026, 3, 11), sameEvening.Day);
        Assert.False(localEleventh.Changed);
        Assert.Equal(6, localTwelfth.State.Current);
    }

    [Fact]
    public void TheLearnerDayNeverGoesBackBeforeACountedDay()
    {
        var state = new StreakState(1, 1, new DateOnly(2026, 3, 11), "Pacific/Kiritimati");

        Assert.Equal(new DateOnly(2026, 3, 11), StreakRules.LearnerDay(state, "Etc/GMT+12", new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 3, 12), StreakRules.LearnerDay(state, "Etc/GMT+12", new DateTimeOffset(2026, 3, 13, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void AnUnknownTimeZoneFallsBackToUtc()
    {
        Assert.Equal(new DateOnly(2026, 3, 10), LearnerCalendar.Today("Mars/Olympus_Mons", Noon));
    }
}
