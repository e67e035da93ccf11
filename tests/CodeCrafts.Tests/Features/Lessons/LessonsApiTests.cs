using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Lessons;
using CodeCrafts.Data.Content;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Lessons;

public sealed class LessonsApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheCatalogueListsPythonThenCppLessonsInOrder()
    {
        var user = await api.CreateAsync();

        var page = await api.GetAsync<PagedResult<LessonSummary>>(user.Id, "/api/lessons?pageSize=100");

        Assert.Equal(24, page.Total);
        Assert.Equal(Enumerable.Repeat("python", 12).Concat(Enumerable.Repeat("cpp", 12)), page.Items.Select(l => l.Language));
        Assert.Equal(Enumerable.Range(1, 12).Concat(Enumerable.Range(1, 12)), page.Items.Select(l => l.Order));
        Assert.All(page.Items, l => Assert.True(l.QuestionCount >= 6));
        Assert.All(page.Items, l => Assert.Equal(LessonProgressSummary.NotStarted(l.QuestionCount), l.Progress));
    }

    [Fact]
    public async Task TheCatalogueFiltersByLanguageAndDifficultyAndPages()
    {
        var user = await api.CreateAsync();

        var cpp = await api.GetAsync<PagedResult<LessonSummary>>(user.Id, "/api/lessons?language=cpp&pageSize=5&page=3");
        var easyPython = await api.GetAsync<PagedResult<LessonSummary>>(user.Id, "/api/lessons?language=python&difficulty=1&pageSize=100");

        Assert.Equal(12, cpp.Total);
        Assert.Equal([11, 12], cpp.Items.Select(l => l.Order));
        Assert.All(cpp.Items, l => Assert.Equal("cpp", l.Language));
        Assert.NotEmpty(easyPython.Items);
        Assert.All(easyPython.Items, l => Assert.Equal(("python", 1), (l.Language, l.Difficulty)));
        Assert.Equal(easyPython.Items.Count, easyPython.Total);
    }

    [Theory]
    [InlineData("language=java", "language")]
    [InlineData("difficulty=6", "difficulty")]
    [InlineData("difficulty=0", "difficulty")]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task ABadFilterIsAProblemNamingTheParameter(string query, string field)
    {
        var user = await api.CreateAsync();

        var response = await api.ClientFor(user.Id).GetAsync($"/api/lessons?{query}", Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task EachLessonCarriesTheCallersProgress()
    {
        var user = await api.CreateAsync();
        var question = (await api.GradableQuestionsAsync()).First(q => q.LessonSlug.StartsWith("cpp", StringComparison.Ordinal));
        await api.AnswerAsync(user.Id, question);
        await api.AnswerAsync(user.Id, question, correct: false);

        var page = await api.GetAsync<PagedResult<LessonSummary>>(user.Id, "/api/lessons?language=cpp&pageSize=100");
        var others = await api.GetAsync<PagedResult<LessonSummary>>((await api.CreateAsync()).Id, "/api/lessons?language=cpp&pageSize=100");

        var lesson = page.Items.Single(l => l.Id == question.LessonId);
        Assert.Equal((2, 1, 1, false), (lesson.Progress.Attempts, lesson.Progress.CorrectAttempts, lesson.Progress.QuestionsMastered, lesson.Progress.Completed));
        Assert.True(lesson.Progress.Score > 0);
        Assert.Equal(0, others.Items.Single(l => l.Id == question.LessonId).Progress.Attempts);
    }

    [Fact]
    public async Task ALessonShowsItsQuestionsInOrderWithoutAnythingThatGivesTheAnswerAway()
    {
        var user = await api.CreateAsync();
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var lesson = await db.Lessons.AsNoTracking().Include(l => l.Questions)
            .FirstAsync(l => l.Questions.Any(q => q.Type == QuestionType.Code && q.TestCasesJson!.Contains("\"hidden\":true")), Ct);

        var response = await api.ClientFor(user.Id).GetAsync($"/api/lessons/{lesson.Id}", Ct);
        var json = await response.Content.ReadAsStringAsync(Ct);
        var detail = JsonSerializer.Deserialize<LessonDetail>(json, Learning.Json)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(lesson.Questions.OrderBy(q => q.Order).Select(q => q.Id), detail.Questions.Select(q => q.Id));
        foreach (var forbidden in new[] { "correctOptionIds", "accepted", "answerKey", "referenceSolution", "wrongSolutions", "hidden", "explanation" })
        {
            Assert.DoesNotContain(forbidden, json, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var question in lesson.Questions)
        {
            var key = ContentJson.Deserialize<AnswerKey>(question.AnswerKeyJson);
            var view = detail.Questions.Single(q => q.Id == question.Id);
            // A flashcard is self-rated: its back is what the learner flips to before rating, not an answer key.
            Assert.Equal(question.Type == QuestionType.Flashcard ? key.Back : null, view.Back);
            if (key.ReferenceSolution is { } solution)
            {
                Assert.DoesNotContain(JsonSerializer.Serialize(solution)[1..^1], json, StringComparison.Ordinal);
            }
            switch (question.Type)
            {
                case QuestionType.MultipleChoice:
                    Assert.True(view.Choices is { Count: >= 2 });
                    break;
                case QuestionType.FillInTheBlank:
                    Assert.Equal(key.Blanks!.Count, view.BlankCount);
                    break;
                case QuestionType.Code:
                    var tests = ContentJson.Deserialize<List<CodeTestCase>>(question.TestCasesJson!);
                    Assert.Equal(tests.Where(t => !t.Hidden).Select(t => t.ExpectedStdout), view.Tests!.Select(t => t.ExpectedStdout));
                    Assert.NotNull(view.StarterCode);
                    break;
            }
        }
    }

    [Fact]
    public async Task AnUnknownLessonIsANotFoundProblem()
    {
        var user = await api.CreateAsync();

        var response = await api.ClientFor(user.Id).GetAsync($"/api/lessons/{Guid.NewGuid()}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheCatalogueNeedsAToken()
    {
        var response = await api.CreateClient().GetAsync("/api/lessons", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task EveryRequestSharesOneCatalogueInstanceRatherThanACopy()
    {
        // HybridCache hands out the cached object itself only for immutable types; a copy would parse the catalogue per request.
        await using var first = api.Factory.Services.CreateAsyncScope();
        await using var second = api.Factory.Services.CreateAsyncScope();

        var a = await first.ServiceProvider.GetRequiredService<LessonCatalog>().GetAsync();
        var b = await second.ServiceProvider.GetRequiredService<LessonCatalog>().GetAsync();

        Assert.Same(a, b);
        Assert.NotEmpty(a.Lessons);
    }

    [Fact]
    public async Task ACataloguePastItsLifetimeKeepsServingWhileTheNextLoadsInTheBackground()
    {
        var held = await CatalogueAsync();

        api.Factory.Time.Advance(LessonCatalog.Lifetime);
        // Past its lifetime, the read still gets the held catalogue at once; the reload runs beside it.
        Assert.Same(held, await CatalogueAsync());

        var deadline = DateTime.UtcNow.AddSeconds(10);
        var next = held;
        while (ReferenceEquals(next, held) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
            next = await CatalogueAsync();
        }
        Assert.NotSame(held, next);
        Assert.Equal(held.Lessons.Select(l => l.Id), next.Lessons.Select(l => l.Id));
        Assert.Same(next, await CatalogueAsync());
    }

    private async Task<Catalog> CatalogueAsync()
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LessonCatalog>().GetAsync();
    }
}
