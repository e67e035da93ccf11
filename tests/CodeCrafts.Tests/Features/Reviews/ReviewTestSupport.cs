using System.Net.Http.Json;
using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Reviews;

/// <summary>Arranging review items and reading the queue as a client would.</summary>
internal static class ReviewTestSupport
{
    public static async Task<DueReviews> GetDueAsync(this TestUser learner, string query = "pageSize=100")
    {
        var response = await learner.Client.GetAsync($"/api/reviews/due?{query}", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DueReviews>(Learning.Json, TestContext.Current.CancellationToken))!;
    }

    public static Task<List<Question>> QuestionsAsync(CodeCraftsDbContext db, ProgrammingLanguage language, int count) =>
        db.Questions.AsNoTracking()
            .Where(q => !q.IsRetired && q.Lesson!.IsPublished && q.Lesson.Language == language)
            .OrderBy(q => q.Lesson!.Order).ThenBy(q => q.Order)
            .Take(count)
            .ToListAsync(TestContext.Current.CancellationToken);

    public static ReviewItem Item(Guid userId, Question question, double stability, DateTimeOffset lastReviewAt, DateTimeOffset dueAt) => new()
    {
        UserId = userId,
        QuestionId = question.Id,
        State = ReviewState.Review,
        Stability = stability,
        Difficulty = 5,
        Reps = 2,
        // PostgreSQL's timestamptz takes UTC only.
        LastReviewAt = lastReviewAt.ToUniversalTime(),
        DueAt = dueAt.ToUniversalTime(),
    };
}
