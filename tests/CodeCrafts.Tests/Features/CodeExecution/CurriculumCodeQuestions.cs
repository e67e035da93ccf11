using System.Text.Json.Nodes;
using CodeCrafts.Data.Content;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Tests.Features.CodeExecution;

internal sealed record CurriculumCodeQuestion(
    string File,
    string Slug,
    ProgrammingLanguage Language,
    string ReferenceSolution,
    IReadOnlyList<string> WrongSolutions,
    IReadOnlyList<CodeTestCase> Tests,
    CodeLimits? Limits);

/// <summary>The code questions of the shipped curriculum, read from the lesson files in the repository.</summary>
internal static class CurriculumCodeQuestions
{
    public static readonly string LessonsFolder = Path.GetFullPath(Path.Combine(
        AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "CodeCrafts.MigrationService", "Curriculum", "lessons"));

    public static List<CurriculumCodeQuestion> Load()
    {
        var questions = new List<CurriculumCodeQuestion>();
        foreach (var path in Directory.GetFiles(LessonsFolder, "*.json").Order(StringComparer.Ordinal))
        {
            var lesson = JsonNode.Parse(File.ReadAllText(path))!;
            var language = lesson["language"]!.GetValue<string>() == "cpp" ? ProgrammingLanguage.Cpp : ProgrammingLanguage.Python;
            foreach (var q in lesson["questions"]!.AsArray().Where(q => q!["type"]!.GetValue<string>() == "code"))
            {
                var limits = q!["limits"];
                questions.Add(new CurriculumCodeQuestion(
                    Path.GetFileName(path),
                    q["slug"]!.GetValue<string>(),
                    language,
                    q["referenceSolution"]!.GetValue<string>(),
                    q["wrongSolutions"]?.AsArray().Select(w => w!.GetValue<string>()).ToList() ?? [],
                    q["tests"]!.AsArray().Select(t => new CodeTestCase(
                        t!["stdin"]?.GetValue<string>() ?? "",
                        t["expectedStdout"]!.GetValue<string>(),
                        t["hidden"]?.GetValue<bool>() ?? false)).ToList(),
                    limits is null ? null : new CodeLimits(limits["cpuTimeSeconds"]?.GetValue<double>(), limits["memoryMb"]?.GetValue<int>())));
            }
        }
        return questions;
    }
}
