using System.Net;
using System.Text.Json;
using CodeCrafts.Tests.Infrastructure;

namespace CodeCrafts.Tests.Foundation;

/// <summary>The development fallback: the worker and the Api on a SQLite file named by DATABASE_URL.</summary>
public sealed class SqliteApiTests
{
    [Fact]
    public async Task TheApiOnSqliteIsHealthyAfterTheWorkerMigratesAndSeedsIt()
    {
        var folder = Directory.CreateTempSubdirectory("codecrafts-sqlite-").FullName;
        var url = $"sqlite:///{Path.Combine(folder, "codecrafts.db")}";

        var worker = await MigrationWorker.RunAsync(new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        var response = await api.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.True(worker.ExitCode == 0, worker.Output);
        Assert.Contains("Curriculum seeded: 24 lessons", worker.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.False(report.RootElement.GetProperty("checks").TryGetProperty("cache", out _));
    }
}
