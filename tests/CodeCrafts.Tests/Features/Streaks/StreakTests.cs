using CodeCrafts.Api.Features.Progress;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Streaks;

/// <summary>Streaks through the real Api, with the fake clock moved across days and time zones.</summary>
public sealed class StreakTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Kiritimati = "Pacific/Kiritimati"; // UTC+14
    private const string MinusTwelve = "Etc/GMT+12";         // UTC−12 (POSIX sign)
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid Id, Func<int, Task<int>> Answer)> LearnerAsync(string timeZone)
    {
        var user = await api.CreateAsync(timeZone);
        var questions = await api.GradableQuestionsAsync();
        return (user.Id, async i => (await api.AnswerAsync(user.Id, questions[i])).CurrentStreak);
    }

    private Task<UserStats> StatsAsync(Guid userId) => api.GetAsync<UserStats>(userId, "/api/users/me/stats");

    [Fact]
    public async Task AnswersOnConsecutiveDaysExtendTheStreak()
    {
        var (id, answer) = await LearnerAsync("Etc/UTC");

        api.MoveToLocalTime("Etc/UTC", new TimeOnly(9, 0));
        var day1 = await answer(0);
        api.MoveToLocalTime("Etc/UTC", new TimeOnly(21, 0), extraDays: 1);
        var day2 = await answer(1);
        api.MoveToLocalTime("Etc/UTC", new TimeOnly(7, 0));
        var day3 = await answer(2);

        Assert.Equal([1, 2, 3], new[] { day1, day2, day3 });
        var stats = await StatsAsync(id);
        Assert.Equal(3, stats.CurrentStreak);
        Assert.Equal(3, stats.LongestStreak);
    }

    [Fact]
    public async Task AMissedDayRestartsTheStreakAtOneAndKeepsTheLongest()
    {
        var (id, answer) = await LearnerAsync("Etc/UTC");

        api.MoveToLocalTime("Etc/UTC", new TimeOnly(9, 0));
        await answer(0);
        api.MoveToLocalTime("Etc/UTC", new TimeOnly(9, 0));
        var beforeGap = await answer(1);
        api.MoveToLocalTime("Etc/UTC", new TimeOnly(9, 0), extraDays: 1);
        var shownDuringGap = (await StatsAsync(id)).CurrentStreak;
        var afterGap = await answer(2);

        Assert.Equal(2, beforeGap);
        Assert.Equal(0, shownDuringGap);
        Assert.Equal(1, afterGap);
        Assert.Equal(2, (await StatsAsync(id)).LongestStreak);
    }

    [Fact]
    public async Task TwoAnswersOnOneDayCountTheDayOnce()
    {
        var (id, answer) = await LearnerAsync("Etc/UTC");

        api.MoveToLocalTime("Etc/UTC", new TimeOnly(0, 5));
        var morning = await answer(0);
        api.MoveToLocalTime("Etc/UTC", new TimeOnly(23, 55));
        var night = await answer(1);

        Assert.Equal(1, morning);
        Assert.Equal(1, night);
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var day = Assert.Single(await db.DailyActivity.Where(a => a.UserId == id).ToListAsync(Ct));
        Assert.Equal(2, day.Answers);
    }

    [Fact]
    public async Task ALearnerInUtcPlus14GetsANewDayAtTheirMidnightNotAtUtcMidnight()
    {
        var (id, answer) = await LearnerAsync(Kiritimati);

        var before = api.MoveToLocalTime(Kiritimati, new TimeOnly(23, 50));
        var lateEvening = await answer(0);
        var after = api.MoveToLocalTime(Kiritimati, new TimeOnly(0, 10));
        var justAfterMidnight = await answer(1);

        Assert.Equal(before.UtcDateTime.Date, after.UtcDateTime.Date); // the same UTC date: only the local calendar moved on
        Assert.Equal([1, 2], new[] { lateEvening, justAfterMidnight });
        var stats = await StatsAsync(id);
        Assert.Equal(DateOnly.FromDateTime(after.DateTime), stats.Today);
        Assert.Equal([1, 1], stats.Last30Days.TakeLast(2).Select(d => d.Answers));
    }

    [Fact]
    public async Task ALearnerInUtcMinus12KeepsOneDayAcrossTheUtcDateChange()
    {
        var (_, answer) = await LearnerAsync(MinusTwelve);

        var early = api.MoveToLocalTime(MinusTwelve, new TimeOnly(0, 10));
        var firstAnswer = await answer(0);
        var late = api.MoveToLocalTime(MinusTwelve, new TimeOnly(23, 50));
        var sameLocalDay = await answer(1);
        api.MoveToLocalTime(MinusTwelve, new TimeOnly(0, 10));
        var nextLocalDay = await answer(2);

        Assert.NotEqual(early.UtcDateTime.Date, late.UtcDateTime.Date); // two UTC dates, one local day
        Assert.Equal([1, 1, 2], new[] { firstAnswer, sameLocalDay, nextLocalDay });
    }

    [Fact]
    public async Task MovingEastAcrossTheDateLineNeitherBreaksNorDoublesTheStreak()
    {
        var (id, answer) = await LearnerAsync(MinusTwelve);
        api.MoveToLocalTime(MinusTwelve, new TimeOnly(10, 0));
        await answer(0);
        api.MoveToLocalTime(MinusTwelve, new TimeOnly(23, 0), extraDays: 1);
        var beforeMove = await answer(2);

        await SetTimeZoneAsync(id, Kiritimati);
        api.Factory.Time.Advance(TimeSpan.FromHours(2)); // Kiritimati already shows the day after tomorrow
        var afterMove = await answer(3);
        var laterThatDay = await answer(4);

        Assert.Equal(2, beforeMove);
        Assert.Equal(3, afterMove);
        Assert.Equal(3, laterThatDay);
    }

    [Fact]
    public async Task MovingWestAcrossTheDateLineDoesNotCountADayAgain()
    {
        var (id, answer) = await LearnerAsync(Kiritimati);
        api.MoveToLocalTime(Kiritimati, new TimeOnly(0, 30));
        var counted = await answer(0);

        await SetTimeZoneAsync(id, MinusTwelve);
        api.Factory.Time.Advance(TimeSpan.FromHours(2)); // UTC−12 shows the day before the counted one
        var relivedYesterday = await answer(1);
        api.MoveToLocalTime(MinusTwelve, new TimeOnly(12, 0), extraDays: 1);
        var relivedCountedDay = await answer(2);
        api.MoveToLocalTime(MinusTwelve, new TimeOnly(12, 0));
        var newDay = await answer(3);

        Assert.Equal([1, 1, 1, 2], new[] { counted, relivedYesterday, relivedCountedDay, newDay });
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.Equal(2, await db.DailyActivity.CountAsync(a => a.UserId == id, Ct));
    }

    // The profile endpoint belongs to the Users feature; the streak only reads the zone.
    private async Task SetTimeZoneAsync(Guid userId, string timeZone)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, timeZone), Ct);
    }
}
