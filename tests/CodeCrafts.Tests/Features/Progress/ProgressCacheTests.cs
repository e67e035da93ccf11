using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Lessons;
using CodeCrafts.Api.Features.Progress;
using CodeCrafts.Tests.Infrastructure;
using StackExchange.Redis;

namespace CodeCrafts.Tests.Features.Progress;

/// <summary>The catalogue's per-learner progress comes from Redis; it must always agree with PostgreSQL.</summary>
public sealed class ProgressCacheTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task<LessonProgressSummary> ListedAsync(Guid userId, Guid lessonId) =>
        (await api.GetAsync<PagedResult<LessonSummary>>(userId, "/api/lessons?pageSize=100")).Items.Single(l => l.Id == lessonId).Progress;

    private async Task<string?> CachedAsync(Guid userId, Guid lessonId)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(api.Redis.ConnectionString);
        var value = await redis.GetDatabase().HashGetAsync(ProgressCache.Key(userId), lessonId.ToString("N"));
        return value.IsNull ? null : value.ToString();
    }

    [Fact]
    public async Task TheCatalogueShowsEachAnswerAtOnceAndKeepsDoingSoWhileRedisIsAway()
    {
        var user = await api.CreateAsync();
        var question = (await api.GradableQuestionsAsync())[0];
        var before = await ListedAsync(user.Id, question.LessonId);

        await api.AnswerAsync(user.Id, question);
        var afterOne = await ListedAsync(user.Id, question.LessonId);
        var cachedAfterOne = await CachedAsync(user.Id, question.LessonId);

        api.Redis.Stop();
        await api.AnswerAsync(user.Id, question, correct: false);
        var duringOutage = await ListedAsync(user.Id, question.LessonId);
        await api.Redis.StartAgainAsync();
        var afterOutage = await ListedAsync(user.Id, question.LessonId);

        Assert.Equal(0, before.Attempts);
        Assert.Equal((1, 1, 1), (afterOne.Attempts, afterOne.CorrectAttempts, afterOne.QuestionsMastered));
        Assert.Equal($"1|1|1|{afterOne.Score}|0", cachedAfterOne);
        Assert.Equal((2, 1), (duringOutage.Attempts, duringOutage.CorrectAttempts));
        Assert.Equal(duringOutage, afterOutage);
    }
}
