using CodeCrafts.Api.Features.Questions;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Questions;

/// <summary>
/// Every answer moves its question's difficulty rating exactly once, off the request path: not lost when the queue
/// misses it, never applied twice however many writers (or replicas) race for it.
/// </summary>
public sealed class QuestionRatingTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const double LearnerRating = 1500;
    private const double K = 8;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThirtyAnswersAtOnceMoveTheQuestionThirtyTimes()
    {
        var question = (await api.GradableQuestionsAsync())[0];
        var before = await RatingAsync(question.Id);
        var learners = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => api.CreateAsync()));

        await Task.WhenAll(learners.Select(l => api.AnswerAsync(l.Id, question)));
        await api.RatingsAppliedAsync();

        Assert.Equal(Expected(before, 30), await RatingAsync(question.Id), 1e-9);
    }

    [Fact]
    public async Task AnswersTheQueueNeverSawAreAppliedByTheSweepOnce()
    {
        // Arrange: answers stored pending, as a replica that stopped before applying them (or whose queue was full) leaves them.
        var question = (await api.GradableQuestionsAsync())[1];
        var before = await RatingAsync(question.Id);
        await StorePendingAsync(question.Id, 12);

        // Act: the sweep runs at its interval (on the Api's clock).
        api.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        await api.RatingsAppliedAsync();
        api.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(500, Ct);

        // Assert
        Assert.Equal(Expected(before, 12), await RatingAsync(question.Id), 1e-9);
    }

    [Fact]
    public async Task WritersRacingForTheSameAnswersApplyEachOnce()
    {
        var question = (await api.GradableQuestionsAsync())[2];
        var before = await RatingAsync(question.Id);
        var ids = await StorePendingAsync(question.Id, 40);

        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = api.Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<QuestionRatingStore>().ApplyAsync(ids, Ct);
        }));

        Assert.Equal(40, applied.Sum());
        Assert.Equal(Expected(before, 40), await RatingAsync(question.Id), 1e-9);
    }

    // All learners rate 1500 and answer correctly, so the order of the updates does not change the result.
    private static double Expected(double start, int correctAnswers)
    {
        var rating = start;
        for (var i = 0; i < correctAnswers; i++)
        {
            rating += QuestionRatings.Delta(rating, LearnerRating, correct: true, K);
        }
        return rating;
    }

    private async Task<double> RatingAsync(Guid questionId)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        return await db.Questions.Where(q => q.Id == questionId).Select(q => q.DifficultyRating).SingleAsync(Ct);
    }

    private async Task<List<Guid>> StorePendingAsync(Guid questionId, int count)
    {
        var learner = await api.CreateAsync();
        var now = api.Factory.Time.GetUtcNow();
        var attempts = Enumerable.Range(0, count).Select(i => new QuestionAttempt
        {
            UserId = learner.Id,
            QuestionId = questionId,
            IdempotencyKey = $"pending-{i}",
            AnswerJson = "{}",
            IsCorrect = true,
            CreatedAt = now,
            RatingPending = true,
        }).ToList();
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        db.QuestionAttempts.AddRange(attempts);
        await db.SaveChangesAsync(Ct);
        return [.. attempts.Select(a => a.Id)];
    }
}
