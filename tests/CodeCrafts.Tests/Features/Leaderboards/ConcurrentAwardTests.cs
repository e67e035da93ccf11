using System.Net;
using CodeCrafts.Tests.Infrastructure;

namespace CodeCrafts.Tests.Features.Leaderboards;

public sealed class ConcurrentAwardTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task AThousandConcurrentAnswersAcrossFiftyLearnersLeaveTheBoardsEqualToTheDatabase()
    {
        // Arrange: boards complete in Redis before the storm.
        const int learners = 50, answersEach = 20;
        var questions = (await api.GradableQuestionsAsync()).Take(answersEach).ToList();
        Assert.Equal(answersEach, questions.Count);
        var users = new List<TestUser>();
        for (var i = 0; i < learners; i++)
        {
            users.Add(await api.CreateAsync());
        }
        await api.AnswerAsync(users[0].Id, questions[0]);
        using var redis = await api.Redis.ConnectAsync();
        var db = redis.GetDatabase();
        var reader = api.ClientFor(users[0].Id);
        await reader.WaitUntilCachedAsync(db, "xp", "all", "lb:xp:all");
        await reader.WaitUntilCachedAsync(db, "xp", "weekly", "lb:xp:weekly:2026-W25");

        // Act: 999 more correct answers through the attempt endpoint, all at once (each earns XP: a question
        // pays once per learner and day). Midway the all-time key is deleted, so its rebuild races the rest.
        var answers = Enumerable.Range(1, learners * answersEach - 1)
            .Select(n => Task.Run(async () =>
            {
                await api.AnswerPatientlyAsync(users[n % learners].Id, questions[n / learners]);
                if (n == learners * answersEach / 2)
                {
                    await db.KeyDeleteAsync("lb:xp:all");
                    await reader.GetBoardAsync("xp", "all");
                }
            }))
            .ToList();
        await Task.WhenAll(answers);
        await reader.WaitUntilCachedAsync(db, "xp", "all", "lb:xp:all");
        var all = await reader.GetBoardAsync("xp", "all");
        var weekly = await reader.GetBoardAsync("xp", "weekly");
        var truth = await api.XpTotalsAsync();

        // Assert: every learner earned every question's reward exactly once, and both boards say so.
        var each = questions.Sum(q => (long)q.FirstXp);
        Assert.Equal(learners, truth.Count);
        Assert.All(truth.Values, xp => Assert.Equal(each, xp));
        Assert.Equal(truth, all.Scores());
        Assert.Equal(truth, weekly.Scores());
        Assert.True(await db.IsCompleteAsync("lb:xp:all"));
        Assert.True(await db.IsCompleteAsync("lb:xp:weekly:2026-W25"));
    }
}
