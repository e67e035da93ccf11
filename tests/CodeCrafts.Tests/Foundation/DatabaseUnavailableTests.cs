using System.Net;
using System.Net.Sockets;
using CodeCrafts.Data;
using CodeCrafts.Tests.Features;
using CodeCrafts.Tests.Features.Auth;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Foundation;

/// <summary>
/// A database out of reach is the server's trouble, not a bug and not the client's mistake: 503 problem details with
/// Retry-After, so clients back off and retry.
/// </summary>
public sealed class DatabaseUnavailableTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnExhaustedConnectionPoolAnswers503WithRetryAfter()
    {
        // Arrange: a real database, but a pool of one connection that the test holds, and a one-second wait for it.
        var postgres = await PostgresServer.Shared;
        var database = await postgres.CreateDatabaseAsync();
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:codecrafts"] = database + ";Maximum Pool Size=1;Timeout=1",
        });
        var client = api.ClientFor(await AnyUserIdAsync(database));
        var before = await client.GetAsync("/api/users/me", Ct);
        await using var scope = api.Services.CreateAsyncScope();
        var held = scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>();
        await held.Database.OpenConnectionAsync(Ct);

        // Act
        var busy = await client.GetAsync("/api/users/me", Ct);
        await held.Database.CloseConnectionAsync();
        var after = await client.GetAsync("/api/users/me", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await AssertBusyAsync(busy);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task ARefusedDatabaseConnectionAnswers503WithRetryAfter()
    {
        // Arrange: nothing listens on the port (bound, never listening, so no other process can take it meanwhile).
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)closed.LocalEndPoint!).Port;
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:codecrafts"] = $"Host=127.0.0.1;Port={port};Username=nobody;Password=x;Database=none;Timeout=2",
        });

        // Act
        var response = await api.ClientFor(Guid.NewGuid()).GetAsync("/api/users/me", Ct);

        // Assert
        await AssertBusyAsync(response);
    }

    private static async Task AssertBusyAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Service busy", problem.GetProperty("title").GetString());
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
    }

    private static async Task<Guid> AnyUserIdAsync(string database)
    {
        await using var db = TestDb.Open(database);
        var now = DateTimeOffset.UtcNow;
        var user = new Data.Entities.User
        {
            Email = $"pool-{Guid.NewGuid():N}@example.test",
            NormalizedEmail = $"pool-{Guid.NewGuid():N}@example.test",
            PasswordHash = "!",
            DisplayName = "Pool learner",
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(Ct);
        return user.Id;
    }
}
