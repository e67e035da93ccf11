using CodeCrafts.Tests.Infrastructure;

namespace CodeCrafts.Tests.Features.Leaderboards;

public sealed class WeeklyRolloverTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task TheWeeklyBoardStartsEmptyAtTheIsoWeekBoundaryWhileTheAllTimeBoardKeepsEverything()
    {
        // Arrange: the fixture's clock starts on Monday 2026-06-15 (ISO week 25); the week ends Sunday 23:59:59 UTC.
        var q = await api.QuestionIdsAsync(2);
        var sundayNight = new DateTimeOffset(2026, 6, 21, 23, 59, 59, TimeSpan.Zero);
        api.Factory.Time.SetUtcNow(sundayNight);
        var (lastWeek, thisWeek) = (await api.CreateAsync(), await api.CreateAsync());
        await api.AwardAsync(lastWeek.Id, 40, q[0]);
        var beforeMidnight = await lastWeek.Client.GetBoardAsync("xp", "weekly");

        // Act: one second later it is Monday of week 26.
        api.Factory.Time.Advance(TimeSpan.FromSeconds(1));
        var emptyWeek = await lastWeek.Client.GetBoardAsync("xp", "weekly");
        await api.AwardAsync(thisWeek.Id, 15, q[1]);
        var newWeek = await lastWeek.Client.GetBoardAsync("xp", "weekly");
        var allTime = await lastWeek.Client.GetBoardAsync("xp", "all");
        using var redis = await api.Redis.ConnectAsync();
        var oldKeyTimeToLive = await redis.GetDatabase().KeyTimeToLiveAsync("lb:xp:weekly:2026-W25");

        // Assert
        Assert.Equal("2026-W25", beforeMidnight.Week);
        Assert.Equal([lastWeek.Id], beforeMidnight.Entries.Select(e => e.UserId));
        Assert.Equal("2026-W26", emptyWeek.Week);
        Assert.Equal(new DateTimeOffset(2026, 6, 29, 0, 0, 0, TimeSpan.Zero), emptyWeek.EndsAt);
        Assert.Empty(emptyWeek.Entries);
        Assert.Null(emptyWeek.Me.Rank);
        Assert.Equal([(thisWeek.Id, 15L)], newWeek.Entries.Select(e => (e.UserId, e.Score)));
        Assert.Null(newWeek.Me.Rank);
        Assert.Equal([(lastWeek.Id, 40L), (thisWeek.Id, 15L)], allTime.Entries.Select(e => (e.UserId, e.Score)));
        // Last week's key outlives its week by three weeks (by the injected clock; last written one second before it ended).
        Assert.InRange(oldKeyTimeToLive!.Value, TimeSpan.FromDays(21) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(21) + TimeSpan.FromSeconds(1));
    }
}
