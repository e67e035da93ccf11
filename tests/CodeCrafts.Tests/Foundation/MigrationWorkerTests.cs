using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Foundation;

public sealed class MigrationWorkerTests
{
    private static readonly string LessonsFolder = Path.Combine(
        Path.GetDirectoryName(typeof(MigrationWorkerTests).Assembly.Location)!, "..", "..", "..", "..", "..",
        "src", "CodeCrafts.MigrationService", "Curriculum", "lessons");

    private static async Task<(PostgresServer Server, string Database)> EmptyDatabaseAsync()
    {
        var server = await PostgresServer.Shared;
        return (server, await server.CreateEmptyDatabaseNameAsync());
    }

    private static Task<ProcessResult> RunWorkerAsync(PostgresServer server, string database, string? curriculum = null) =>
        MigrationWorker.RunAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__codecrafts"] = server.ConnectionString(database),
            ["Curriculum__Path"] = curriculum,
        });

    private static async Task<List<(Guid Id, string Slug, int Questions, DateTimeOffset UpdatedAt)>> SnapshotAsync(string connectionString)
    {
        await using var db = TestDb.Open(connectionString);
        var lessons = await db.Lessons.AsNoTracking()
            .Select(l => new { l.Id, l.Slug, Questions = l.Questions.Count, l.UpdatedAt })
            .OrderBy(l => l.Slug)
            .ToListAsync(TestContext.Current.CancellationToken);
        return lessons.Select(l => (l.Id, l.Slug, l.Questions, l.UpdatedAt)).ToList();
    }

    [Fact]
    public async Task SeedingTwiceLeavesTheCurriculumUnchanged()
    {
        var (server, database) = await EmptyDatabaseAsync();

        var first = await RunWorkerAsync(server, database);
        var afterFirst = await SnapshotAsync(server.ConnectionString(database));
        var second = await RunWorkerAsync(server, database);
        var afterSecond = await SnapshotAsync(server.ConnectionString(database));

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.True(afterFirst.Count >= 24, $"expected the starter curriculum, got {afterFirst.Count} lessons");
        Assert.Equal(afterFirst, afterSecond);
        Assert.Contains("0 lessons written", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableDatabaseMakesTheWorkerExitNonZero()
    {
        var closedPort = ExternalProcess.FreeTcpPort();

        var result = await MigrationWorker.RunAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__codecrafts"] = $"Host=127.0.0.1;Port={closedPort};Username=postgres;Database=codecrafts;Timeout=2",
        });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Migration or seeding failed", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenContentFileFailsTheWorkerWithAMessageNamingTheFile()
    {
        var (server, database) = await EmptyDatabaseAsync();
        var folder = Directory.CreateTempSubdirectory("curriculum-").FullName;
        foreach (var file in Directory.GetFiles(LessonsFolder, "*.json"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        var broken = Path.Combine(folder, "python-02-variables-and-types.json");
        File.WriteAllText(broken, File.ReadAllText(broken).Replace("\"difficulty\": 1,", "\"difficulty\": 9,", StringComparison.Ordinal));

        var result = await RunWorkerAsync(server, database, folder);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Curriculum file 'python-02-variables-and-types.json': difficulty: 9 must be between 1 and 5", result.Output, StringComparison.Ordinal);
        await using var db = TestDb.Open(server.ConnectionString(database));
        Assert.Equal(0, await db.Lessons.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task EditingALessonFileUpdatesItInPlaceAndKeepsTheIds()
    {
        var (server, database) = await EmptyDatabaseAsync();
        var folder = Directory.CreateTempSubdirectory("curriculum-").FullName;
        foreach (var file in Directory.GetFiles(LessonsFolder, "*.json"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        Assert.Equal(0, (await RunWorkerAsync(server, database, folder)).ExitCode);
        var before = await SnapshotAsync(server.ConnectionString(database));

        var edited = Path.Combine(folder, "cpp-01-first-steps.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(edited))!;
        json["title"] = "First steps, revised";
        File.WriteAllText(edited, json.ToJsonString());
        var result = await RunWorkerAsync(server, database, folder);
        var after = await SnapshotAsync(server.ConnectionString(database));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("1 lessons written", result.Output, StringComparison.Ordinal);
        Assert.Equal(before.Select(l => l.Id), after.Select(l => l.Id));
        await using var db = TestDb.Open(server.ConnectionString(database));
        var lesson = await db.Lessons.SingleAsync(l => l.Slug == "cpp-01-first-steps", TestContext.Current.CancellationToken);
        Assert.Equal("First steps, revised", lesson.Title);
    }
}
