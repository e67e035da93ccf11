using CodeCrafts.Tests.Infrastructure;

namespace CodeCrafts.Tests.Features.Leaderboards;

public sealed class ConcurrentAwardTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task AThousandConcurrentAwardsAcrossFiftyLearnersLeaveTheBoardsEqualToTheDatabase()
    {
        // Arrange: boards complete in Redis before the storm.
        const int learners = 50, awardsEach = 20;
        var q = await api.QuestionIdsAsync(awardsEach);
        var users = new List<TestUser>();
        for (var i = 0; i < learners; i++)
        {
            users.Add(await api.CreateAsync());
        }
        await api.AwardAsync(users[0].Id, 1, q[0]);
        using var redis = await api.Redis.ConnectAsync();
        var db = redis.GetDatabase();
        await users[0].Client.WaitUntilCachedAsync(db, "xp", "all", "lb:xp:all");
        await users[0].Client.WaitUntilCachedAsync(db, "xp", "weekly", "lb:xp:weekly:2026-W25");

        // Act: 1,000 awards at once (the first one above took q[0] for users[0]); midway the all-time key is
        // deleted, so its rebuild races the remaining awards.
        var awards = Enumerable.Range(0, learners * awardsEach)
            .Where(n => n != 0)
            .Select(n => Task.Run(async () =>
            {
                var (user, question) = (users[n % learners], q[n / learners]);
                await api.AwardAsync(user.Id, 1 + n % 13, question);
                if (n == learners * awardsEach / 2)
                {
                    await db.KeyDeleteAsync("lb:xp:all");
                    await user.Client.GetBoardAsync("xp", "all");
                }
            }))
            .ToList();
        await Task.WhenAll(awards);
        await users[0].Client.WaitUntilCachedAsync(db, "xp", "all", "lb:xp:all");
        var all = await users[0].Client.GetBoardAsync("xp", "all");
        var weekly = await users[0].Client.GetBoardAsync("xp", "weekly");
        var truth = await api.XpTotalsAsync();

        // Assert
        Assert.Equal(learners, truth.Count);
        Assert.Equal(Enumerable.Range(0, learners * awardsEach).Sum(n => (long)(1 + n % 13)), truth.Values.Sum());
        Assert.Equal(truth, all.Scores());
        Assert.Equal(truth, weekly.Scores());
        Assert.True(await db.IsCompleteAsync("lb:xp:all"));
        Assert.True(await db.IsCompleteAsync("lb:xp:weekly:2026-W25"));
    }
}
