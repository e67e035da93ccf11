using System.Net;
using System.Net.Http.Json;
using CodeCrafts.CodeExecution;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Features.Auth;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CodeCrafts.Tests.Features.Limits;

/// <summary>Per-learner throttles on code runs and duel creation, counted in the fixture's real Redis.</summary>
public sealed class LearnerThrottleTests(ApiFixture shared) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApiFactory Start(Dictionary<string, string?> limits, GateJudge judge) =>
        LimitedApis.Start(shared.DatabaseConnectionString, shared.Redis, limits, services =>
        {
            services.RemoveAll<ICodeJudge>();
            services.AddSingleton<ICodeJudge>(judge);
        });

    private async Task<Guid> CodeQuestionAsync()
    {
        await using var db = TestDb.Open(shared.DatabaseConnectionString);
        return await db.Questions.Where(q => q.Type == QuestionType.Code && !q.IsRetired && q.Lesson!.IsPublished)
            .OrderBy(q => q.Slug).Select(q => q.Id).FirstAsync(Ct);
    }

    private static Task<HttpResponseMessage> RunAsync(TestUser learner, Guid questionId) =>
        learner.Client.PostAsJsonAsync("/api/code/run", new { questionId, code = "print(1)" }, Ct);

    private static Task<HttpResponseMessage> AnswerWithCodeAsync(TestUser learner, Guid questionId) =>
        learner.Client.PostAsJsonAsync($"/api/questions/{questionId}/attempts",
            new { answer = new { code = "print(1)" }, timeTakenMs = 1000, idempotencyKey = Guid.NewGuid().ToString("N") }, Ct);

    [Fact]
    public async Task WhileALearnersRunIsGoingTheirNextRunOrCodeAnswerIs429ButAnotherLearnerRuns()
    {
        var judge = new GateJudge();
        await using var api = Start(new() { ["RateLimits:CodeRunsAtOnce"] = "1" }, judge);
        var (ada, bob) = (await api.CreateUserAsync(), await api.CreateUserAsync());
        var question = await CodeQuestionAsync();

        var firstRun = RunAsync(ada, question);
        await judge.FirstRunStarted.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var secondRun = await RunAsync(ada, question);
        var codeAnswer = await AnswerWithCodeAsync(ada, question);
        var othersRun = RunAsync(bob, question);
        judge.Release();
        var first = await firstRun;
        var afterwards = await RunAsync(ada, question);

        var problem = await secondRun.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("code-runs-at-once", problem.GetProperty("limit").GetString());
        Assert.True(secondRun.RetryAfterSeconds() >= 1);
        Assert.Equal("code-runs-at-once", (await codeAnswer.AssertProblemAsync(HttpStatusCode.TooManyRequests)).GetProperty("limit").GetString());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await othersRun).StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public async Task TrialRunsAndCodeAnswersShareTheRunsPerMinuteAndARefusedAnswerRecordsNothing()
    {
        await using var api = Start(new() { ["RateLimits:CodeRunsPerLearner:PermitLimit"] = "2", ["RateLimits:CodeRunsAtOnce"] = "1" }, GateJudge.Open());
        var ada = await api.CreateUserAsync();
        var question = await CodeQuestionAsync();

        var run = await RunAsync(ada, question);
        var answer = await AnswerWithCodeAsync(ada, question);
        var refusedRun = await RunAsync(ada, question);
        var refusedAnswer = await AnswerWithCodeAsync(ada, question);

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var problem = await refusedRun.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("code-runs-per-learner", problem.GetProperty("limit").GetString());
        Assert.Contains("At most 2 code runs per 60 s per learner", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(60, refusedRun.RetryAfterSeconds());
        await refusedAnswer.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        await using var db = TestDb.Open(shared.DatabaseConnectionString);
        Assert.Equal(1, await db.QuestionAttempts.CountAsync(a => a.UserId == ada.Id, Ct));
    }

    [Fact]
    public async Task DuelsCreatedBeyondTheLimitAre429ForThatLearnerOnly()
    {
        await using var api = Start(new() { ["RateLimits:DuelsCreatedPerLearner:PermitLimit"] = "2" }, GateJudge.Open());
        var (ada, bob) = (await api.CreateUserAsync(), await api.CreateUserAsync());
        var bot = new { opponent = "bot", language = "python", questionCount = 3 };

        var allowed = new[]
        {
            await ada.Client.PostAsJsonAsync("/api/duels", bot, Ct),
            await ada.Client.PostAsJsonAsync("/api/duels", bot, Ct),
        };
        var limited = await ada.Client.PostAsJsonAsync("/api/duels", bot, Ct);
        var others = await bob.Client.PostAsJsonAsync("/api/duels", bot, Ct);

        // The second may be refused for the duel already running (409): it still counts, as any request does.
        Assert.All(allowed, r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.Equal(HttpStatusCode.Created, allowed[0].StatusCode);
        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("duels-created-per-learner", problem.GetProperty("limit").GetString());
        Assert.Equal(HttpStatusCode.Created, others.StatusCode);
    }
}
