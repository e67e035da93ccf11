using System.Net;
using CodeCrafts.Api.Features.Lessons;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Lessons;

/// <summary>Its own database: it retires a question before the Api first reads (and caches) the catalogue.</summary>
public sealed class RetiredQuestionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARetiredQuestionIsNeitherShownNorAnswerable()
    {
        var questions = await api.GradableQuestionsAsync();
        var lessonQuestions = questions.Where(q => q.LessonId == questions[0].LessonId).ToList();
        var retired = lessonQuestions[0];
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            await db.Questions.Where(q => q.Id == retired.Id).ExecuteUpdateAsync(s => s.SetProperty(q => q.IsRetired, true), Ct);
        }
        var user = await api.CreateAsync();

        var lesson = await api.GetAsync<LessonDetail>(user.Id, $"/api/lessons/{retired.LessonId}");
        var answer = await api.PostAttemptAsync(user.Id, retired.Id, new { answer = Learning.Correct(retired), timeTakenMs = 1000, idempotencyKey = "k" });

        Assert.DoesNotContain(lesson.Questions, q => q.Id == retired.Id);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }
}
