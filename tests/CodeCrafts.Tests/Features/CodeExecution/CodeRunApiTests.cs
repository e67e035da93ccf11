using System.Net;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text.Json;
using CodeCrafts.Api.Features.CodeExecution;
using CodeCrafts.CodeExecution;
using CodeCrafts.CodeExecution.Sandbox;
using CodeCrafts.Data.Content;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.CodeExecution;

[Collection(SandboxCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class CodeRunApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task<Question> SeededQuestionAsync(string slug)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        return await db.Questions.AsNoTracking().Include(q => q.Lesson).SingleAsync(q => q.Slug == slug, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// The bearer handler checks token lifetimes against the real clock, not the factory's fake one,
    /// so the fake clock is brought up to real time before a token is issued from it.
    /// </summary>
    private Task<TestUser> CreateUserAsync()
    {
        var now = DateTimeOffset.UtcNow;
        if (now > api.Factory.Time.GetUtcNow())
        {
            api.Factory.Time.SetUtcNow(now);
        }
        return api.CreateAsync();
    }

    private static string ReferenceSolution(Question question) => ContentJson.Deserialize<AnswerKey>(question.AnswerKeyJson).ReferenceSolution!;

    [Fact]
    public async Task RunningAReferenceSolutionPassesEveryVisibleTestAndShowsNoHiddenOne()
    {
        var user = await CreateUserAsync();
        var question = await SeededQuestionAsync("collatz-steps");
        var visible = ContentJson.Deserialize<List<CodeTestCase>>(question.TestCasesJson!).Count(t => !t.Hidden);

        var response = await user.Client.PostAsJsonAsync("/api/code/run", new { questionId = question.Id, code = ReferenceSolution(question) }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Accepted", body.GetProperty("verdict").GetString());
        Assert.Equal(visible, body.GetProperty("total").GetInt32());
        Assert.All(body.GetProperty("tests").EnumerateArray(), t => Assert.False(t.GetProperty("hidden").GetBoolean()));
        Assert.NotEqual("", body.GetProperty("tests")[0].GetProperty("stdout").GetString());
    }

    [Fact]
    public async Task AWrongProgramGetsAWrongAnswerWithWhatItPrinted()
    {
        var user = await CreateUserAsync();
        var question = await SeededQuestionAsync("fizzbuzz");

        var response = await user.Client.PostAsJsonAsync("/api/code/run", new { questionId = question.Id, code = "#include <iostream>\nint main() { std::cout << \"nope\\n\"; }\n" }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<CodeJudgementResponse>(JsonOptions, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Verdict.WrongAnswer, body!.Verdict);
        Assert.Equal("nope\n", body.Tests[0].Stdout);
        Assert.NotNull(body.Tests[0].ExpectedStdout);
    }

    [Fact]
    public async Task RunningCodeNeedsAToken()
    {
        var question = await SeededQuestionAsync("collatz-steps");

        var response = await api.CreateClient().PostAsJsonAsync("/api/code/run", new { questionId = question.Id, code = "print(1)" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownQuestionIsNotFound()
    {
        var user = await CreateUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/code/run", new { questionId = Guid.NewGuid(), code = "print(1)" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AQuestionThatIsNotCodeIsABadRequestNamingTheField()
    {
        var user = await CreateUserAsync();
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var multipleChoice = await db.Questions.FirstAsync(q => q.Type == QuestionType.MultipleChoice, TestContext.Current.CancellationToken);

        var response = await user.Client.PostAsJsonAsync("/api/code/run", new { questionId = multipleChoice.Id, code = "print(1)" }, TestContext.Current.CancellationToken);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("questionId", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task MissingCodeIsABadRequestNamingTheField(string? code)
    {
        var user = await CreateUserAsync();
        var question = await SeededQuestionAsync("collatz-steps");

        var response = await user.Client.PostAsJsonAsync("/api/code/run", new { questionId = question.Id, code }, TestContext.Current.CancellationToken);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _) || problem.GetProperty("errors").TryGetProperty("Code", out _), problem.ToString());
    }

    [Fact]
    public async Task CodeLongerThanTheLimitIsABadRequest()
    {
        var user = await CreateUserAsync();
        var question = await SeededQuestionAsync("collatz-steps");

        var response = await user.Client.PostAsJsonAsync("/api/code/run", new { questionId = question.Id, code = new string('#', CodeExecutionLimits.MaxSourceLength + 1) }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AFullRunQueueAnswers503WithRetryAfter()
    {
        var user = await CreateUserAsync();
        var question = await SeededQuestionAsync("collatz-steps");
        await using var busyApi = api.Factory.WithWebHostBuilder(host => host
            .UseSetting("CodeExecution:Sandbox:MaxConcurrentRuns", "1")
            .UseSetting("CodeExecution:Sandbox:QueueLength", "0"));
        var client = busyApi.ClientFor(user.Id);
        var gate = ((LocalSandboxRunner)busyApi.Services.GetRequiredService<ICodeRunner>()).Gate;

        var slow = client.PostAsJsonAsync("/api/code/run", new { questionId = question.Id, code = "import time\ntime.sleep(2)" }, TestContext.Current.CancellationToken);
        while (gate.Active == 0 && !slow.IsCompleted)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
        var refused = await client.PostAsJsonAsync("/api/code/run", new { questionId = question.Id, code = "print(1)" }, TestContext.Current.CancellationToken);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await slow).StatusCode);
    }

    [Fact]
    public async Task HealthIncludesTheCodeRunner()
    {
        var report = await api.CreateClient().GetFromJsonAsync<JsonElement>("/health", TestContext.Current.CancellationToken);

        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("code-runner").GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheRunEndpointAndItsErrors()
    {
        var document = await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);

        var responses = document.GetProperty("paths").GetProperty("/api/code/run").GetProperty("post").GetProperty("responses");
        Assert.All(new[] { "200", "400", "401", "404", "503" }, code => Assert.True(responses.TryGetProperty(code, out _), code));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
