using System.Globalization;
using CodeCrafts.Api.Features.Progress;
using CodeCrafts.Api.Features.Streaks;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace CodeCrafts.Tests.Features.Streaks;

/// <summary>Streak freezes through the real Api, PostgreSQL and Redis, with the fake clock moved across days and zones.</summary>
public sealed class StreakFreezeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Kiritimati = "Pacific/Kiritimati"; // UTC+14
    private const string MinusTwelve = "Etc/GMT+12";         // UTC−12 (POSIX sign)
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid Id, Func<Task<int>> Answer)> LearnerAsync(string timeZone)
    {
        var user = await api.CreateAsync(timeZone);
        var questions = await api.GradableQuestionsAsync();
        var next = 0;
        return (user.Id, async () => (await api.AnswerAsync(user.Id, questions[next++ % questions.Count])).CurrentStreak);
    }

    /// <summary>A streak of <paramref name="days"/> days, one answer at local noon each day; the clock ends on the last.</summary>
    private async Task<(Guid Id, Func<Task<int>> Answer)> StreakAsync(string timeZone, int days)
    {
        var learner = await LearnerAsync(timeZone);
        for (var day = 0; day < days; day++)
        {
            api.MoveToLocalTime(timeZone, new TimeOnly(12, 0));
            await learner.Answer();
        }
        return learner;
    }

    private Task<UserStats> StatsAsync(Guid userId) => api.GetAsync<UserStats>(userId, "/api/users/me/stats");

    private static IEnumerable<DateOnly> Frozen(UserStats stats) => stats.Last30Days.Where(d => d.Frozen).Select(d => d.Day);

    [Fact]
    public async Task AMissedDayUsesTheFreezeEarnedOnDaySevenAndTheCalendarShowsItFrozen()
    {
        var (id, answer) = await StreakAsync("Etc/UTC", 7);
        var afterWeek = await StatsAsync(id);

        api.MoveToLocalTime("Etc/UTC", new TimeOnly(9, 0), extraDays: 1); // a whole day without XP went by
        var missed = api.LocalToday("Etc/UTC").AddDays(-1);
        var duringGap = await StatsAsync(id);
        var readAgain = await StatsAsync(id); // from the Redis entry the first read filled
        var afterGap = await answer();
        var afterAnswer = await StatsAsync(id);

        Assert.Equal((7, 1, 0), (afterWeek.CurrentStreak, afterWeek.StreakFreezes.Held, afterWeek.StreakFreezes.Used));
        Assert.Equal(14, afterWeek.StreakFreezes.NextAtStreak);
        Assert.Equal((7, 0, 1), (duringGap.CurrentStreak, duringGap.StreakFreezes.Held, duringGap.StreakFreezes.Used));
        Assert.Equal([missed], Frozen(duringGap));
        Assert.Equal((7, 0, 1), (readAgain.CurrentStreak, readAgain.StreakFreezes.Held, readAgain.StreakFreezes.Used));
        Assert.Equal(8, afterGap);
        Assert.Equal((8, 0, 1), (afterAnswer.CurrentStreak, afterAnswer.StreakFreezes.Held, afterAnswer.StreakFreezes.Used));
        Assert.Equal([missed], Frozen(afterAnswer));
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.Equal([missed], await db.StreakFrozenDays.Where(f => f.UserId == id).Select(f => f.Day).ToListAsync(Ct));
        var row = await db.Users.SingleAsync(u => u.Id == id, Ct);
        Assert.Equal((8, 0, 1), (row.CurrentStreak, row.StreakFreezes, row.StreakFreezesUsed));
        Assert.Equal(new StreakState(8, 8, row.LastActiveOn, "Etc/UTC", 0, 1), await CachedAsync(id));
    }

    [Fact]
    public async Task WithNoFreezeLeftTheNextMissedDayBreaksTheStreak()
    {
        var (id, answer) = await StreakAsync("Etc/UTC", 7);
        api.MoveToLocalTime("Etc/UTC", new TimeOnly(12, 0), extraDays: 1);
        var kept = await answer();

        api.MoveToLocalTime("Etc/UTC", new TimeOnly(12, 0), extraDays: 1);
        var shown = await StatsAsync(id);
        var restarted = await answer();

        Assert.Equal(8, kept);
        Assert.Equal((0, 0, 1), (shown.CurrentStreak, shown.StreakFreezes.Held, shown.StreakFreezes.Used));
        Assert.Single(Frozen(shown)); // the first gap's day stays frozen; the second is simply missed
        Assert.Equal(1, restarted);
        Assert.Equal(8, (await StatsAsync(id)).LongestStreak);
    }

    [Fact]
    public async Task TwoMissedDaysUseBothFreezesHeldAfterAFortnight()
    {
        var (id, answer) = await StreakAsync("Etc/UTC", 14);
        var held = (await StatsAsync(id)).StreakFreezes.Held;

        api.MoveToLocalTime("Etc/UTC", new TimeOnly(12, 0), extraDays: 2);
        var today = api.LocalToday("Etc/UTC");
        var streak = await answer();
        var stats = await StatsAsync(id);

        Assert.Equal(2, held);
        Assert.Equal(15, streak);
        Assert.Equal((0, 2), (stats.StreakFreezes.Held, stats.StreakFreezes.Used));
        Assert.Equal([today.AddDays(-2), today.AddDays(-1)], Frozen(stats));
    }

    [Fact]
    public async Task InUtcPlus14TheFreezeIsUsedAtTheLearnersMidnightWhileTheUtcDateStaysTheSame()
    {
        var (id, answer) = await StreakAsync(Kiritimati, 7);

        var lateNextDay = api.MoveToLocalTime(Kiritimati, new TimeOnly(23, 50), extraDays: 1);
        var beforeMidnight = await StatsAsync(id);
        var justAfter = api.MoveToLocalTime(Kiritimati, new TimeOnly(0, 10));
        var afterMidnight = await StatsAsync(id);
        var streak = await answer();

        Assert.Equal(lateNextDay.UtcDateTime.Date, justAfter.UtcDateTime.Date);
        Assert.Equal((7, 1, 0), (beforeMidnight.CurrentStreak, beforeMidnight.StreakFreezes.Held, beforeMidnight.StreakFreezes.Used));
        Assert.Equal((7, 0, 1), (afterMidnight.CurrentStreak, afterMidnight.StreakFreezes.Held, afterMidnight.StreakFreezes.Used));
        Assert.Equal([DateOnly.FromDateTime(lateNextDay.DateTime)], Frozen(afterMidnight));
        Assert.Equal(8, streak);
    }

    [Fact]
    public async Task InUtcMinus12NoFreezeIsUsedWhenOnlyTheUtcDateChanged()
    {
        var (id, answer) = await StreakAsync(MinusTwelve, 7);

        var lateNextDay = api.MoveToLocalTime(MinusTwelve, new TimeOnly(23, 50), extraDays: 1); // UTC is a date further on
        var stillHeld = await StatsAsync(id);
        var streak = await answer();

        Assert.NotEqual(DateOnly.FromDateTime(lateNextDay.DateTime), DateOnly.FromDateTime(lateNextDay.UtcDateTime));
        Assert.Equal((7, 1, 0), (stillHeld.CurrentStreak, stillHeld.StreakFreezes.Held, stillHeld.StreakFreezes.Used));
        Assert.Equal(8, streak);
        Assert.Empty(Frozen(await StatsAsync(id)));
    }

    [Fact]
    public async Task MovingEastAcrossTheDateLineUsesNoFreeze()
    {
        var (id, answer) = await StreakAsync(MinusTwelve, 7);
        api.MoveToLocalTime(MinusTwelve, new TimeOnly(23, 0), extraDays: 1);
        await answer();

        await SetTimeZoneAsync(id, Kiritimati);
        api.Factory.Time.Advance(TimeSpan.FromHours(2)); // Kiritimati already shows the day after tomorrow
        var stats = await StatsAsync(id);
        var streak = await answer();

        Assert.Equal((8, 1, 0), (stats.CurrentStreak, stats.StreakFreezes.Held, stats.StreakFreezes.Used));
        Assert.Equal(9, streak);
        Assert.Empty(Frozen(await StatsAsync(id)));
    }

    [Fact]
    public async Task RacingAnswersAfterAGapUseTheFreezeOnce()
    {
        var (id, _) = await StreakAsync("Etc/UTC", 7);
        var questions = await api.GradableQuestionsAsync();
        api.MoveToLocalTime("Etc/UTC", new TimeOnly(12, 0), extraDays: 1);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => api.AnswerAsync(id, questions[^(i + 1)])));
        var stats = await StatsAsync(id);

        Assert.All(results, r => Assert.Equal(8, r.CurrentStreak));
        Assert.Equal((8, 0, 1), (stats.CurrentStreak, stats.StreakFreezes.Held, stats.StreakFreezes.Used));
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.Equal(1, await db.StreakFrozenDays.CountAsync(f => f.UserId == id, Ct));
        Assert.Equal(1, (await db.Users.SingleAsync(u => u.Id == id, Ct)).StreakFreezesUsed);
        Assert.Equal((0, 1), await CachedAsync(id) is { } c ? (c.Freezes, c.FreezesUsed) : (-1, -1));
    }

    private async Task SetTimeZoneAsync(Guid userId, string timeZone)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, timeZone), Ct);
    }

    // Read straight from Redis, as another Api replica would.
    private async Task<StreakState?> CachedAsync(Guid id)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(api.Redis.ConnectionString);
        var map = (await redis.GetDatabase().HashGetAllAsync(StreakCache.Key(id))).ToDictionary(f => f.Name.ToString(), f => f.Value.ToString());
        int Int(string field) => int.Parse(map[field], CultureInfo.InvariantCulture);
        return map.Count == 0 ? null : new StreakState(
            Int("current"), Int("longest"), DateOnly.Parse(map["day"], CultureInfo.InvariantCulture),
            map["zone"].Length == 0 ? null : map["zone"], Int("freezes"), Int("freezesUsed"));
    }
}
