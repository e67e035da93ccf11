using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CodeCrafts.Tests.Features.Auth;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Limits;

/// <summary>
/// Two Api replicas over one database and one real Redis, as the AppHost runs them with WithReplicas: a limit holds for
/// the pair, not for each. Every test uses networks and accounts of its own, so the tests share the Redis safely.
/// </summary>
public sealed class ReplicaLimitTests(ApiFixture shared) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FailedLoginsOnTwoReplicasAddUpAndLockTheGuessersNetworkButNotTheOwners()
    {
        var limits = new Dictionary<string, string?> { ["RateLimits:FailedLogins:FreeFailures"] = "3" };
        await using var first = LimitedApis.Start(shared.DatabaseConnectionString, shared.Redis, limits);
        await using var second = LimitedApis.Start(shared.DatabaseConnectionString, shared.Redis, limits);
        var email = AuthRequests.NewEmail("owner");
        await first.CreateClient().From("198.51.100.20").RegisterOkAsync(email);
        // Two addresses of one /24: the same network, so the same count.
        var guesserOnFirst = first.CreateClient().From("203.0.113.5");
        var guesserOnSecond = second.CreateClient().From("203.0.113.77");

        var failures = new[]
        {
            await guesserOnFirst.LoginAsync(email, "guess 1"),
            await guesserOnSecond.LoginAsync(email, "guess 2"),
            await guesserOnFirst.LoginAsync(email, "guess 3"),
        };
        // The second replica has seen only one of the three failures itself: a 429 here means the count is shared.
        var locked = await guesserOnSecond.LoginAsync(email, "guess 4");
        var lockedEvenWithThePassword = await guesserOnFirst.LoginAsync(email);
        var owner = await second.CreateClient().From("198.51.100.20").LoginAsync(email);

        Assert.All(failures, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var problem = await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("failed-logins", problem.GetProperty("limit").GetString());
        Assert.InRange(locked.RetryAfterSeconds(), 1, 30);
        Assert.Equal(locked.RetryAfterSeconds(), problem.GetProperty("retryAfterSeconds").GetInt32());
        await lockedEvenWithThePassword.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    [Fact]
    public async Task EachFailureBeyondTheFreeOnesDoublesTheWait()
    {
        var limits = new Dictionary<string, string?>
        {
            ["RateLimits:FailedLogins:FreeFailures"] = "1",
            ["RateLimits:FailedLogins:FirstLockoutSeconds"] = "10",
        };
        await using var api = LimitedApis.Start(shared.DatabaseConnectionString, shared.Redis, limits);
        var guesser = api.CreateClient().From("203.0.114.9");
        var email = AuthRequests.NewEmail();

        await guesser.LoginAsync(email, "guess 1");
        var firstWait = (await guesser.LoginAsync(email, "guess 2")).RetryAfterSeconds();
        api.Time.Advance(TimeSpan.FromSeconds(firstWait));
        var afterTheWait = await guesser.LoginAsync(email, "guess 3");
        var secondWait = (await guesser.LoginAsync(email, "guess 4")).RetryAfterSeconds();

        Assert.Equal(10, firstWait);
        Assert.Equal(HttpStatusCode.Unauthorized, afterTheWait.StatusCode);
        Assert.Equal(20, secondWait);
    }

    [Fact]
    public async Task LoginsPerNetworkAreCountedAcrossReplicas()
    {
        var limits = new Dictionary<string, string?> { ["RateLimits:LoginPerNetwork:PermitLimit"] = "4" };
        await using var first = LimitedApis.Start(shared.DatabaseConnectionString, shared.Redis, limits);
        await using var second = LimitedApis.Start(shared.DatabaseConnectionString, shared.Redis, limits);
        var onFirst = first.CreateClient().From("192.0.2.10");
        var onSecond = second.CreateClient().From("192.0.2.11");

        var allowed = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            allowed.Add(await (i % 2 == 0 ? onFirst : onSecond).LoginAsync(AuthRequests.NewEmail(), "wrong"));
        }
        var limited = await onFirst.LoginAsync(AuthRequests.NewEmail(), "wrong");
        var otherNetwork = await second.CreateClient().From("192.0.3.10").LoginAsync(AuthRequests.NewEmail(), "wrong");

        Assert.All(allowed, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("logins-per-network", problem.GetProperty("limit").GetString());
        Assert.Contains("At most 4 logins per 60 s", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, otherNetwork.StatusCode);
    }

    [Fact]
    public async Task AnswersPerLearnerAreCountedAcrossReplicasAndARefusedAnswerRecordsNothing()
    {
        var limits = new Dictionary<string, string?> { ["RateLimits:AttemptsPerLearner:PermitLimit"] = "3" };
        await using var first = LimitedApis.Start(shared.DatabaseConnectionString, shared.Redis, limits);
        await using var second = LimitedApis.Start(shared.DatabaseConnectionString, shared.Redis, limits);
        var learner = await first.CreateUserAsync();
        var clients = new[] { learner.Client, second.ClientFor(learner.Id) };
        var questions = await shared.GradableQuestionsAsync();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await clients[i % 2].PostAsJsonAsync($"/api/questions/{questions[i].Id}/attempts",
                new { answer = Learning.Correct(questions[i]), timeTakenMs = 3000, idempotencyKey = Guid.NewGuid().ToString("N") },
                Learning.Json, Ct));
        }

        Assert.All(answers.Take(3), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var problem = await answers[3].AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("attempts-per-learner", problem.GetProperty("limit").GetString());
        // The window slides from the oldest answer in it; the test clock stands still, so the whole minute is left.
        Assert.Equal(60, answers[3].RetryAfterSeconds());
        await using var db = TestDb.Open(shared.DatabaseConnectionString);
        Assert.Equal(3, await db.QuestionAttempts.CountAsync(a => a.UserId == learner.Id, Ct));
    }

    [Fact]
    public async Task WithRedisPausedLoginsAreAnsweredWithinTheBudgetAndCountedOnThisReplica()
    {
        var limits = new Dictionary<string, string?>
        {
            ["RateLimits:FailedLogins:FreeFailures"] = "2",
            ["Redis:RequestBudget"] = "00:00:00.250",
        };
        await using var api = LimitedApis.Start(shared.DatabaseConnectionString, shared.Redis, limits);
        var client = api.CreateClient().From("198.18.0.1");
        var email = AuthRequests.NewEmail();
        // The same three logins with Redis answering, for this machine's speed (password hashing dominates).
        await client.LoginAsync(AuthRequests.NewEmail(), "warm-up: connections, scripts");
        var healthy = await TimeAsync(() => ThreeFailedLoginsAsync(client, AuthRequests.NewEmail()));

        (HttpResponseMessage[] Responses, TimeSpan Elapsed) paused;
        await shared.Redis.PauseAsync(TimeSpan.FromSeconds(10));
        try
        {
            paused = await TimeAsync(() => ThreeFailedLoginsAsync(client, email));
        }
        finally
        {
            // The other tests of the class share this Redis.
            await shared.Redis.UnpauseAsync();
        }

        Assert.All(paused.Responses.Take(2), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        await paused.Responses[2].AssertProblemAsync(HttpStatusCode.TooManyRequests);
        // Nine Redis calls, each of which would wait for the client's 2 s timeout without the budget: the first gives up
        // after 250 ms and marks Redis stalled, and the calls after it skip Redis until a PING answers.
        var extra = paused.Elapsed - healthy.Elapsed;
        Assert.True(extra < TimeSpan.FromSeconds(1.5), $"paused: {paused.Elapsed}, healthy: {healthy.Elapsed}");
    }

    private static async Task<HttpResponseMessage[]> ThreeFailedLoginsAsync(HttpClient client, string email) =>
        [await client.LoginAsync(email, "guess 1"), await client.LoginAsync(email, "guess 2"), await client.LoginAsync(email, "guess 3")];

    private static async Task<(T Result, TimeSpan Elapsed)> TimeAsync<T>(Func<Task<T>> action)
    {
        var clock = Stopwatch.StartNew();
        var result = await action();
        return (result, clock.Elapsed);
    }

    [Fact]
    public async Task WithoutRedisEachReplicaCountsOnItsOwn()
    {
        var database = await LimitedApis.NewDatabaseAsync();
        var limits = new Dictionary<string, string?> { ["RateLimits:FailedLogins:FreeFailures"] = "2" };
        await using var first = LimitedApis.Start(database, redis: null, limits);
        await using var second = LimitedApis.Start(database, redis: null, limits);
        var email = AuthRequests.NewEmail();
        var onFirst = first.CreateClient().From("203.0.115.1");

        await onFirst.LoginAsync(email, "guess 1");
        await onFirst.LoginAsync(email, "guess 2");
        var lockedHere = await onFirst.LoginAsync(email, "guess 3");
        var notYetThere = await second.CreateClient().From("203.0.115.1").LoginAsync(email, "guess 3");

        await lockedHere.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.Unauthorized, notYetThere.StatusCode);
    }
}
