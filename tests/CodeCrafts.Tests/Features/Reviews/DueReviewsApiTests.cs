using System.Net;
using System.Text.Json;
using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;

namespace CodeCrafts.Tests.Features.Reviews;

public sealed class DueReviewsApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private DateTimeOffset Now => api.Factory.Time.GetUtcNow();

    [Fact]
    public async Task TheQueueListsOnlyTheCallersOwnItems()
    {
        var mine = await api.CreateAsync();
        var theirs = await api.CreateAsync();
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            var questions = await ReviewTestSupport.QuestionsAsync(db, ProgrammingLanguage.Python, 3);
            db.ReviewItems.AddRange(questions.Select(q => ReviewTestSupport.Item(mine.Id, q, 5, Now.AddDays(-6), Now.AddDays(-1))));
            db.ReviewItems.Add(ReviewTestSupport.Item(theirs.Id, questions[0], 5, Now.AddDays(-6), Now.AddHours(2)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var myQueue = await mine.GetDueAsync();
        var theirQueue = await theirs.GetDueAsync();

        Assert.Equal(3, myQueue.Due.Total);
        Assert.Empty(theirQueue.Due.Items);
        Assert.Equal(0, theirQueue.Due.Total);
        Assert.Equal(1, theirQueue.DueLaterToday);
        Assert.Equal(0, myQueue.DueLaterToday);
    }

    [Fact]
    public async Task TheMostAtRiskItemComesFirstAndPagesSplitTheRest()
    {
        var learner = await api.CreateAsync();
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            var q = await ReviewTestSupport.QuestionsAsync(db, ProgrammingLanguage.Python, 4);
            db.ReviewItems.AddRange(
                ReviewTestSupport.Item(learner.Id, q[0], 10, Now.AddDays(-10), Now.AddDays(-1)), // R = 0.9
                ReviewTestSupport.Item(learner.Id, q[1], 10, Now.AddDays(-30), Now.AddDays(-20)), // R = 0.8094
                ReviewTestSupport.Item(learner.Id, q[2], 10, Now.AddDays(-5), Now.AddMinutes(-1)), // R = 0.9403
                ReviewTestSupport.Item(learner.Id, q[3], 10, Now.AddDays(-1), Now.AddDays(3))); // not due
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var firstPage = await learner.GetDueAsync("page=1&pageSize=2");
        var second = await learner.GetDueAsync("page=2&pageSize=2");

        Assert.Equal(3, firstPage.Due.Total);
        Assert.Equal([0.809388103573, 0.9], firstPage.Due.Items.Select(i => Math.Round(i.Retrievability, 12)));
        Assert.Equal(0.940344288893, Assert.Single(second.Due.Items).Retrievability, 1e-9);
        Assert.Equal(Now.AddDays(3), firstPage.NextDueAt);
    }

    [Fact]
    public async Task TheQueueFiltersByLanguageAndByLesson()
    {
        var learner = await api.CreateAsync();
        List<Question> python, cpp;
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            python = await ReviewTestSupport.QuestionsAsync(db, ProgrammingLanguage.Python, 2);
            cpp = await ReviewTestSupport.QuestionsAsync(db, ProgrammingLanguage.Cpp, 3);
            db.ReviewItems.AddRange(python.Concat(cpp).Select(q => ReviewTestSupport.Item(learner.Id, q, 3, Now.AddDays(-4), Now.AddDays(-1))));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var onlyCpp = await learner.GetDueAsync("language=CPP");
        var onlyPython = await learner.GetDueAsync("language=python");
        var oneLesson = await learner.GetDueAsync($"lessonId={python[0].LessonId}");

        Assert.Equal(cpp.Select(q => q.Id).Order(), onlyCpp.Due.Items.Select(i => i.QuestionId).Order());
        Assert.All(onlyCpp.Due.Items, i => Assert.Equal(ProgrammingLanguage.Cpp, i.Language));
        Assert.Equal(python.Select(q => q.Id).Order(), onlyPython.Due.Items.Select(i => i.QuestionId).Order());
        Assert.All(oneLesson.Due.Items, i => Assert.Equal(python[0].LessonId, i.LessonId));
        Assert.Equal(python.Count(q => q.LessonId == python[0].LessonId), oneLesson.Due.Total);
    }

    [Theory]
    [InlineData("Etc/UTC")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Tokyo")]
    public async Task DueLaterTodayEndsAtTheLearnersOwnMidnight(string timeZone)
    {
        var learner = await api.CreateAsync(timeZone);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTime(Now, zone);
        var midnight = new DateTimeOffset(local.Date.AddDays(1), zone.GetUtcOffset(local.Date.AddDays(1)));
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            var q = await ReviewTestSupport.QuestionsAsync(db, ProgrammingLanguage.Python, 2);
            db.ReviewItems.AddRange(
                ReviewTestSupport.Item(learner.Id, q[0], 3, Now.AddDays(-1), Now + (midnight - Now) / 2),
                ReviewTestSupport.Item(learner.Id, q[1], 3, Now.AddDays(-1), midnight.AddHours(1)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var queue = await learner.GetDueAsync();

        Assert.Empty(queue.Due.Items);
        Assert.Equal(1, queue.DueLaterToday);
    }

    [Fact]
    public async Task TheQueueShowsAPromptSummaryButNeverTheAnswer()
    {
        var learner = await api.CreateAsync();
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            var questions = await ReviewTestSupport.QuestionsAsync(db, ProgrammingLanguage.Python, 12);
            db.ReviewItems.AddRange(questions.Select(q => ReviewTestSupport.Item(learner.Id, q, 3, Now.AddDays(-4), Now.AddDays(-1))));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var body = await learner.Client.GetStringAsync("/api/reviews/due?pageSize=100", TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(body);
        var items = json.RootElement.GetProperty("due").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(12, items.Count);
        Assert.All(items, i => Assert.InRange(i.GetProperty("promptSummary").GetString()!.Length, 1, PromptSummary.MaxLength));
        Assert.All(items, i => Assert.DoesNotContain("```", i.GetProperty("promptSummary").GetString(), StringComparison.Ordinal));
        foreach (var secret in new[] { "answerKey", "correctOptionIds", "accepted", "explanation", "back" })
        {
            Assert.DoesNotContain($"\"{secret}\"", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task TheQueueNeedsAnAccessToken()
    {
        var response = await api.CreateClient().GetAsync("/api/reviews/due", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("language=java", "language")]
    [InlineData("language=1", "language")]
    [InlineData("lessonId=not-a-guid", "lessonId")]
    [InlineData("page=0", "Page")]
    [InlineData("pageSize=101", "PageSize")]
    public async Task BadFiltersAreValidationProblemsNamingTheField(string query, string field)
    {
        var learner = await api.CreateAsync();

        var response = await learner.Client.GetAsync($"/api/reviews/due?{query}", TestContext.Current.CancellationToken);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(problem.RootElement.GetProperty("errors").EnumerateObject(), e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheQueueAndItsErrors()
    {
        using var document = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));

        var responses = document.RootElement.GetProperty("paths").GetProperty("/api/reviews/due").GetProperty("get").GetProperty("responses");

        Assert.True(responses.TryGetProperty("200", out _));
        Assert.True(responses.TryGetProperty("400", out _));
        Assert.True(responses.TryGetProperty("401", out _));
    }
}
