using System.Text.Json.Nodes;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.CodeExecution;

/// <summary>The migration worker runs every code question's solutions before it writes anything.</summary>
[Collection(SandboxCollection.Name)]
public sealed class CurriculumVerificationTests
{
    private static string CopyOfTheCurriculum(string file, Action<JsonNode> edit)
    {
        var folder = Directory.CreateTempSubdirectory("curriculum-").FullName;
        foreach (var path in Directory.GetFiles(CurriculumCodeQuestions.LessonsFolder, "*.json"))
        {
            File.Copy(path, Path.Combine(folder, Path.GetFileName(path)));
        }
        var target = Path.Combine(folder, file);
        var json = JsonNode.Parse(File.ReadAllText(target))!;
        edit(json["questions"]!.AsArray().Single(q => q!["type"]!.GetValue<string>() == "code")!);
        File.WriteAllText(target, json.ToJsonString());
        return folder;
    }

    private static async Task<(ProcessResult Result, int Lessons)> SeedAsync(
        string curriculum, bool verify = true, string bwrap = "/usr/bin/bwrap")
    {
        var server = await PostgresServer.Shared;
        var database = await server.CreateEmptyDatabaseNameAsync();
        var result = await MigrationWorker.RunAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__codecrafts"] = server.ConnectionString(database),
            ["Curriculum__Path"] = curriculum,
            ["CodeExecution__Sandbox__BwrapPath"] = bwrap,
        }, verifyCode: verify);
        Directory.Delete(curriculum, recursive: true);
        await using var db = TestDb.Open(server.ConnectionString(database));
        return (result, await db.Lessons.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ABrokenReferenceSolutionFailsTheWorkerNamingTheFileAndTheQuestion()
    {
        var curriculum = CopyOfTheCurriculum("python-05-loops.json", q => q["referenceSolution"] = "print(0)\n");

        var (result, lessons) = await SeedAsync(curriculum);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Curriculum file 'python-05-loops.json': questions[", result.Output, StringComparison.Ordinal);
        Assert.Contains("].referenceSolution: question 'collatz-steps': the reference solution is not accepted: WrongAnswer on test 1", result.Output, StringComparison.Ordinal);
        Assert.Equal(0, lessons);
    }

    [Fact]
    public async Task AReferenceSolutionThatDoesNotCompileFailsTheWorkerWithTheCompilersMessage()
    {
        var curriculum = CopyOfTheCurriculum("cpp-05-loops.json", q => q["referenceSolution"] = "int main() { return oops; }\n");

        var (result, lessons) = await SeedAsync(curriculum);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Curriculum file 'cpp-05-loops.json'", result.Output, StringComparison.Ordinal);
        Assert.Contains("question 'fizzbuzz': the reference solution is not accepted: CompilationError", result.Output, StringComparison.Ordinal);
        Assert.Contains("was not declared in this scope", result.Output, StringComparison.Ordinal);
        Assert.Contains("oops", result.Output, StringComparison.Ordinal);
        Assert.Equal(0, lessons);
    }

    [Fact]
    public async Task AWrongSolutionThatPassesEveryTestFailsTheWorker()
    {
        var curriculum = CopyOfTheCurriculum("python-07-collections.json", q => q["wrongSolutions"]![0] = q["referenceSolution"]!.GetValue<string>());

        var (result, lessons) = await SeedAsync(curriculum);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("].wrongSolutions[0]: question 'word-frequency': this wrong solution passes every test", result.Output, StringComparison.Ordinal);
        Assert.Equal(0, lessons);
    }

    [Fact]
    public async Task WithoutVerifyCodeTheCheckIsSkippedAndSaidSo()
    {
        var curriculum = CopyOfTheCurriculum("python-05-loops.json", q => q["referenceSolution"] = "print(0)\n");

        var (result, lessons) = await SeedAsync(curriculum, verify: false);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("Code questions were not verified (run the worker with --verify-code", result.Output, StringComparison.Ordinal);
        Assert.True(lessons >= 24);
    }

    [Fact]
    public async Task WithoutASandboxTheCurriculumIsStillSeededWithOneWarning()
    {
        var curriculum = CopyOfTheCurriculum("python-05-loops.json", _ => { });

        var (result, lessons) = await SeedAsync(curriculum, verify: false, bwrap: "/nonexistent/bwrap");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(lessons >= 24);
        Assert.Single(result.Output.Split('\n'), line => line.StartsWith("warn:", StringComparison.Ordinal));
        Assert.Contains("code answers will get 503 until a code runner works here", result.Output, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/bwrap is missing (install bubblewrap)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskingForVerificationWithoutASandboxFailsTheWorker()
    {
        var curriculum = CopyOfTheCurriculum("python-05-loops.json", _ => { });

        var (result, lessons) = await SeedAsync(curriculum, verify: true, bwrap: "/nonexistent/bwrap");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("/nonexistent/bwrap is missing", result.Output, StringComparison.Ordinal);
        Assert.Equal(0, lessons);
    }
}
