using System.Net;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Auth;

/// <summary>Each test starts its own Api with low limits, so no other test shares its windows.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task LoginAttemptsFromOneClientBeyondTheLimitAre429WithRetryAfter()
    {
        await using var api = await StartApiAsync(new() { ["RateLimits:LoginPerNetwork:PermitLimit"] = "3" });
        var client = api.CreateClient();

        var allowed = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add(await client.LoginAsync(AuthRequests.NewEmail(), "wrong password"));
        }
        var limited = await client.LoginAsync(AuthRequests.NewEmail(), "wrong password");

        Assert.All(allowed, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        var retryAfter = int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
    }

    [Fact]
    public async Task RepeatedFailedLoginsLockTheAccountEvenWithTheRightPasswordButNotOtherAccounts()
    {
        await using var api = await StartApiAsync(new() { ["RateLimits:FailedLogins:FreeFailures"] = "2" });
        var client = api.CreateClient();
        var email = AuthRequests.NewEmail();
        var other = AuthRequests.NewEmail();
        await client.RegisterOkAsync(email);
        await client.RegisterOkAsync(other);

        var first = await client.LoginAsync(email, "wrong password 1");
        var second = await client.LoginAsync(email, "wrong password 2");
        var locked = await client.LoginAsync(email.ToUpperInvariant());
        var otherAccount = await client.LoginAsync(other);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        var problem = await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("account", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
    }

    [Fact]
    public async Task AnUnknownEmailIsLockedOutExactlyLikeARealOne()
    {
        await using var api = await StartApiAsync(new() { ["RateLimits:FailedLogins:FreeFailures"] = "1" });
        var client = api.CreateClient();
        var unknown = AuthRequests.NewEmail();

        await client.LoginAsync(unknown, "guess 1");
        var locked = await client.LoginAsync(unknown, "guess 2");

        await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task RegistrationsFromOneClientBeyondTheLimitAre429AndWriteNothing()
    {
        await using var api = await StartApiAsync(new() { ["RateLimits:RegisterPerNetwork:PermitLimit"] = "2" });
        var client = api.CreateClient();
        await client.RegisterOkAsync();
        await client.RegisterOkAsync();
        var email = AuthRequests.NewEmail();

        var limited = await client.RegisterAsync(email);

        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == email, TestContext.Current.CancellationToken));
    }

    private static async Task<LimitedApi> StartApiAsync(Dictionary<string, string?> limits)
    {
        var database = await (await PostgresServer.Shared).CreateDatabaseAsync();
        limits["ConnectionStrings:codecrafts"] = database;
        return new LimitedApi(new ApiFactory(limits), database);
    }

    private sealed class LimitedApi(ApiFactory factory, string database) : IAsyncDisposable
    {
        public string DatabaseConnectionString => database;

        public HttpClient CreateClient() => factory.CreateClient();

        public ValueTask DisposeAsync() => factory.DisposeAsync();
    }
}
