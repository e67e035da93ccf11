using System.Net;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using CodeCrafts.Data.Content;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Features.CodeExecution;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Questions;

/// <summary>Code answers through the ordinary attempt endpoint: run in the sandbox, graded by every test, XP as for any answer.</summary>
[Collection(SandboxCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class CodeAttemptTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Question Question, AnswerKey Key)> CodeQuestionAsync(string slug)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var question = await db.Questions.AsNoTracking().SingleAsync(q => q.Slug == slug && q.Type == QuestionType.Code, Ct);
        return (question, ContentJson.Deserialize<AnswerKey>(question.AnswerKeyJson));
    }

    private Task<HttpResponseMessage> SubmitAsync(TestUser user, Guid questionId, object answer, string key) =>
        user.Client.PostAsJsonAsync($"/api/questions/{questionId}/attempts", new { answer, timeTakenMs = 90_000, idempotencyKey = key }, Ct);

    [Fact]
    public async Task AReferenceSolutionIsAcceptedEarnsXpAndShowsOnlyPassFailForHiddenTests()
    {
        var user = await api.CreateAsync();
        var (question, key) = await CodeQuestionAsync("collatz-steps");

        var response = await SubmitAsync(user, question.Id, new { code = key.ReferenceSolution }, "code-1");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("correct").GetBoolean());
        Assert.Equal(question.XpReward, body.GetProperty("xpGained").GetInt32());
        var code = body.GetProperty("code");
        Assert.Equal("Accepted", code.GetProperty("verdict").GetString());
        Assert.Equal(code.GetProperty("total").GetInt32(), code.GetProperty("passed").GetInt32());
        var hidden = code.GetProperty("tests").EnumerateArray().Where(t => t.GetProperty("hidden").GetBoolean()).ToList();
        Assert.NotEmpty(hidden);
        Assert.All(hidden, t => Assert.True(t.GetProperty("stdout").ValueKind == JsonValueKind.Null));
    }

    [Fact]
    public async Task AWrongSolutionIsAWrongAnswerThatEarnsNothing()
    {
        var user = await api.CreateAsync();
        var (question, key) = await CodeQuestionAsync("collatz-steps");

        var response = await SubmitAsync(user, question.Id, new { code = key.WrongSolutions![0] }, "code-wrong");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.GetProperty("correct").GetBoolean());
        Assert.Equal(0, body.GetProperty("xpGained").GetInt32());
        Assert.NotEqual("Accepted", body.GetProperty("code").GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task ARetryWithTheSameKeyReplaysTheFirstVerdictAndAwardsNothingMore()
    {
        var user = await api.CreateAsync();
        var (question, key) = await CodeQuestionAsync("collatz-steps");

        var first = await SubmitAsync(user, question.Id, new { code = key.ReferenceSolution }, "code-retry");
        // Different code under the same key: a retry is answered from the first result, never run again.
        var retry = await SubmitAsync(user, question.Id, new { code = key.WrongSolutions![0] }, "code-retry");
        var retried = await retry.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal("Accepted", retried.GetProperty("code").GetProperty("verdict").GetString());
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.Equal(1, await db.QuestionAttempts.CountAsync(a => a.UserId == user.Id, Ct));
        Assert.Equal(question.XpReward, (await db.Users.SingleAsync(u => u.Id == user.Id, Ct)).Xp);
    }

    [Theory]
    [InlineData("""{"code":""}""", "answer.code")]
    [InlineData("""{"code":"   "}""", "answer.code")]
    [InlineData("""{}""", "answer.code")]
    [InlineData("""{"optionIds":["a"]}""", "answer")]
    public async Task ABadCodeAnswerIsAProblemNamingTheFieldAndWritesNothing(string answer, string field)
    {
        var user = await api.CreateAsync();
        var (question, _) = await CodeQuestionAsync("collatz-steps");

        var response = await user.Client.PostAsync($"/api/questions/{question.Id}/attempts",
            new StringContent($$"""{"answer":{{answer}},"timeTakenMs":1000,"idempotencyKey":"bad"}""", Encoding.UTF8, "application/json"), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name == field);
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.False(await db.QuestionAttempts.AnyAsync(a => a.UserId == user.Id, Ct));
    }

    [Fact]
    public async Task AnOversizedProgramIsRefusedBeforeItRuns()
    {
        var user = await api.CreateAsync();
        var (question, _) = await CodeQuestionAsync("collatz-steps");

        var response = await SubmitAsync(user, question.Id, new { code = new string('#', 64 * 1024 + 1) }, "huge");

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
    }
}
