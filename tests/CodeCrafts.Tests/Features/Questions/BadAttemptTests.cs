using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Questions;

public sealed class BadAttemptTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> BadBodies => new()
    {
        // question type, JSON body, field the problem must name
        { "MultipleChoice", """{"answer":{"optionIds":["a"]},"timeTakenMs":-1,"idempotencyKey":"k"}""", "timeTakenMs" },
        { "MultipleChoice", """{"answer":{"optionIds":["a"]},"timeTakenMs":3600001,"idempotencyKey":"k"}""", "timeTakenMs" },
        { "MultipleChoice", """{"answer":{"optionIds":["a"]},"idempotencyKey":"k"}""", "timeTakenMs" },
        { "MultipleChoice", """{"answer":{"optionIds":["a"]},"timeTakenMs":1000}""", "idempotencyKey" },
        { "MultipleChoice", """{"answer":{"optionIds":["a"]},"timeTakenMs":1000,"idempotencyKey":"   "}""", "idempotencyKey" },
        { "MultipleChoice", $$"""{"answer":{"optionIds":["a"]},"timeTakenMs":1000,"idempotencyKey":"{{new string('k', 101)}}"}""", "idempotencyKey" },
        { "MultipleChoice", """{"timeTakenMs":1000,"idempotencyKey":"k"}""", "answer" },
        { "MultipleChoice", """{"answer":{"blanks":["x"]},"timeTakenMs":1000,"idempotencyKey":"k"}""", "answer.blanks" },
        { "MultipleChoice", """{"answer":{},"timeTakenMs":1000,"idempotencyKey":"k"}""", "answer.optionIds" },
        { "MultipleChoice", """{"answer":{"optionIds":["zz"]},"timeTakenMs":1000,"idempotencyKey":"k"}""", "answer.optionIds" },
        { "FillInTheBlank", """{"answer":{"rating":"Good"},"timeTakenMs":1000,"idempotencyKey":"k"}""", "answer.rating" },
        { "FillInTheBlank", """{"answer":{"blanks":["a","b","c","d","e","f","g"]},"timeTakenMs":1000,"idempotencyKey":"k"}""", "answer.blanks" },
        { "Flashcard", """{"answer":{"optionIds":["a"]},"timeTakenMs":1000,"idempotencyKey":"k"}""", "answer.optionIds" },
        { "Flashcard", """{"answer":{},"timeTakenMs":1000,"idempotencyKey":"k"}""", "answer.rating" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task ABadAnswerIsAProblemNamingTheFieldAndWritesNothing(string type, string json, string field)
    {
        var user = await api.CreateAsync();
        var question = (await api.GradableQuestionsAsync()).First(q => q.Type.ToString() == type);

        var response = await api.ClientFor(user.Id).PostAsync($"/api/questions/{question.Id}/attempts",
            new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains(errors, name => string.Equals(name, field, StringComparison.OrdinalIgnoreCase));
        await AssertNothingWrittenAsync(user.Id);
    }

    [Fact]
    public async Task AnUnknownQuestionIsANotFoundProblem()
    {
        var user = await api.CreateAsync();

        var response = await api.PostAttemptAsync(user.Id, Guid.NewGuid(), new { answer = new { optionIds = new[] { "a" } }, timeTakenMs = 1000, idempotencyKey = "k" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingWrittenAsync(user.Id);
    }

    [Fact]
    public async Task AnUnknownFieldOrAWrongTypeIsABadRequest()
    {
        var user = await api.CreateAsync();
        var question = (await api.GradableQuestionsAsync())[0];

        var unknown = await api.PostAttemptAsync(user.Id, question.Id, new { answer = Learning.Correct(question), timeTakenMs = 1, idempotencyKey = "k", bonusXp = 1000 });
        var wrongType = await api.PostAttemptAsync(user.Id, question.Id, new { answer = Learning.Correct(question), timeTakenMs = "fast", idempotencyKey = "k" });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        await AssertNothingWrittenAsync(user.Id);
    }

    [Fact]
    public async Task AnsweringWithoutATokenIsUnauthorized()
    {
        var question = (await api.GradableQuestionsAsync())[0];

        var response = await api.CreateClient().PostAsJsonAsync($"/api/questions/{question.Id}/attempts",
            new { answer = Learning.Correct(question), timeTakenMs = 1, idempotencyKey = "k" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task AssertNothingWrittenAsync(Guid userId)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.False(await db.QuestionAttempts.AnyAsync(a => a.UserId == userId, Ct));
        Assert.False(await db.XpAwards.AnyAsync(a => a.UserId == userId, Ct));
        Assert.False(await db.DailyActivity.AnyAsync(a => a.UserId == userId, Ct));
        Assert.False(await db.Progress.AnyAsync(a => a.UserId == userId, Ct));
        Assert.False(await db.ReviewItems.AnyAsync(a => a.UserId == userId, Ct));
        Assert.Equal(0, await db.Users.Where(u => u.Id == userId).Select(u => u.Xp).SingleAsync(Ct));
    }
}
