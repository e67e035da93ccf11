using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Reviews;

/// <summary>Arranging review items and reading the queue as a client would.</summary>
internal static class ReviewTestSupport
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<DueReviews> GetDueAsync(this TestUser learner, string query = "pageSize=100")
    {
        var response = await learner.Client.GetAsync($"/api/reviews/due?{query}", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DueReviews>(Json, TestContext.Current.CancellationToken))!;
    }

    /// <summary>Access tokens live 30 minutes of the fake clock: a test that moves days ahead signs in again.</summary>
    public static void SignInAgain(this ApiFixture api, TestUser learner)
    {
        var token = api.Factory.Services.GetRequiredService<AccessTokenIssuer>().Issue(learner.Id, "Learner");
        learner.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
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
