using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Npgsql;

namespace CodeCrafts.Tests.AppHost;

/// <summary>The whole graph started by the real AppHost, on the machine's own PostgreSQL and Redis.</summary>
public sealed class AppHostTests
{
    [Fact]
    public async Task LocalModeRunsTheWholeGraphOnRealPostgresAndRedis()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = await AppHostRunner.CreateAsync("local");
        await using var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(AppHostRunner.StartTimeout);
        var migrations = await app.ResourceNotifications.WaitForResourceAsync(
            "migrations", e => e.Snapshot.State?.Text == KnownResourceStates.Finished, timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);

        using var client = app.CreateHttpClient("api");
        var root = await client.GetAsync("/", ct);
        var health = await client.GetAsync("/health", ct);
        var connectionString = await app.GetConnectionStringAsync("postgres", ct);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var count = new NpgsqlCommand("SELECT (SELECT count(*) FROM lessons), (SELECT count(*) FROM questions)", connection);
        await using var reader = await count.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);

        Assert.Equal(0, migrations.Snapshot.ExitCode);
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(reader.GetInt64(0) >= 24, "the starter curriculum is seeded");
        Assert.True(reader.GetInt64(1) >= 24 * 6, "every lesson has its questions");
    }

    [Fact]
    public async Task AFailedMigrationKeepsTheApiFromStarting()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = await AppHostRunner.CreateAsync("local");
        var unreachable = $"Host=127.0.0.1;Port={Infrastructure.ExternalProcess.FreeTcpPort()};Username=postgres;Database=codecrafts;Timeout=2";
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "migrations"))
            .WithEnvironment("ConnectionStrings__codecrafts", unreachable);
        await using var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(AppHostRunner.StartTimeout);
        var migrations = await app.ResourceNotifications.WaitForResourceAsync(
            "migrations", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
        var api = await app.ResourceNotifications.WaitForResourceAsync(
            "api", e => e.Snapshot.State?.Text == KnownResourceStates.FailedToStart, timeout.Token);

        Assert.NotEqual(0, migrations.Snapshot.ExitCode);
        Assert.Equal(KnownResourceStates.FailedToStart, api.Snapshot.State?.Text);
    }

    [Fact]
    public async Task EmbeddedModeServesFromSqliteWithoutRedis()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = await AppHostRunner.CreateAsync("embedded");
        await using var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(AppHostRunner.StartTimeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
        using var client = app.CreateHttpClient("api");
        var health = await client.GetAsync("/health", ct);

        Assert.DoesNotContain(builder.Resources, r => r.Name is "postgres" or "cache");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
