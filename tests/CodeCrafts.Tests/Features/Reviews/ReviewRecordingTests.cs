using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Reviews;

/// <summary>Every answer is also a review: the attempt's transaction writes the review item and its log.</summary>
public sealed class ReviewRecordingTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task AFirstAnswerCreatesTheItemAndLogsTheReview()
    {
        var ct = TestContext.Current.CancellationToken;
        var learner = await api.CreateAsync();
        var now = api.Factory.Time.GetUtcNow();
        Question question;
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            question = (await ReviewTestSupport.QuestionsAsync(db, ProgrammingLanguage.Cpp, 20)).First(q => q.Type != QuestionType.Code);
        }

        var dueAt = (await api.AnswerAsync(learner.Id, question.Id, Learning.AnswerFor(question, correctly: false), timeTakenMs: 4000)).NextReviewAt;

        await using var check = TestDb.Open(api.DatabaseConnectionString);
        var item = await check.ReviewItems.SingleAsync(r => r.UserId == learner.Id, ct);
        var log = await check.ReviewLogs.SingleAsync(l => l.UserId == learner.Id, ct);
        Assert.Equal(now.AddMinutes(1), dueAt);
        Assert.Equal((ReviewState.Learning, 0, 1, 0), (item.State, item.Step, item.Reps, item.Lapses));
        Assert.Equal(0.212, item.Stability, 1e-9);
        Assert.Equal(6.4133, item.Difficulty, 1e-9);
        Assert.Equal(now, item.LastReviewAt);
        Assert.Equal((question.Id, (int)Rating.Again, ReviewState.Learning, now), (log.QuestionId, log.Rating, log.StateBefore, log.ReviewedAt));
        Assert.Equal(1.0 / 1440, log.ScheduledDays, 1e-9);
    }

    [Fact]
    public async Task AttemptsAtTheSameQuestionAtOnceAreAppliedOneAfterTheOther()
    {
        var ct = TestContext.Current.CancellationToken;
        var learner = await api.CreateAsync();
        Question question;
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            question = (await ReviewTestSupport.QuestionsAsync(db, ProgrammingLanguage.Python, 20)).First(q => q.Type != QuestionType.Code);
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            api.AnswerAsync(learner.Id, question.Id, Learning.AnswerFor(question, correctly: true), timeTakenMs: 1000)));

        await using var check = TestDb.Open(api.DatabaseConnectionString);
        var item = await check.ReviewItems.SingleAsync(r => r.UserId == learner.Id, ct);
        Assert.Equal(8, item.Reps);
        Assert.Equal(8, await check.ReviewLogs.CountAsync(l => l.UserId == learner.Id, ct));
        Assert.Equal(ReviewState.Review, item.State);
    }

    [Fact]
    public async Task LessonSummariesGiveTheEarliestDueTimeAndTheAverageRecallNow()
    {
        var ct = TestContext.Current.CancellationToken;
        var learner = await api.CreateAsync();
        var other = await api.CreateAsync();
        var now = api.Factory.Time.GetUtcNow();
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var python = await ReviewTestSupport.QuestionsAsync(db, ProgrammingLanguage.Python, 2);
        var cpp = await ReviewTestSupport.QuestionsAsync(db, ProgrammingLanguage.Cpp, 1);
        Assert.Equal(python[0].LessonId, python[1].LessonId);
        db.ReviewItems.AddRange(
            ReviewTestSupport.Item(learner.Id, python[0], 10, now.AddDays(-10), now.AddHours(-3)), // R = 0.9 (t = S)
            ReviewTestSupport.Item(learner.Id, python[1], 4, now, now.AddDays(4)), // R = 1 (t = 0)
            ReviewTestSupport.Item(learner.Id, cpp[0], 10, now.AddDays(-1), now.AddDays(9)),
            ReviewTestSupport.Item(other.Id, python[0], 1, now.AddDays(-50), now.AddDays(-49)));
        await db.SaveChangesAsync(ct);

        var summaries = await ReviewQueries.LessonSummariesAsync(db, new Fsrs(), learner.Id, now, ct);

        Assert.Equal(2, summaries.Count);
        var lesson = summaries[python[0].LessonId];
        Assert.Equal((2, 1, now.AddHours(-3)), (lesson.Items, lesson.Due, lesson.NextReviewAt));
        Assert.Equal(0.95, lesson.AverageRetrievability, 1e-12);
        Assert.Equal(now.AddDays(9), summaries[cpp[0].LessonId].NextReviewAt);
    }
}
