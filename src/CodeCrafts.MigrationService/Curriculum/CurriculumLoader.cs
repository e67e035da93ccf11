using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace CodeCrafts.MigrationService.Curriculum;

/// <summary>Reads every lesson file and validates it whole before anything is written.</summary>
internal sealed class CurriculumLoader(IOptions<CurriculumOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // A misspelt field would otherwise be dropped silently and the question seeded without it.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public string Folder => options.Value.Path is { Length: > 0 } path
        ? Path.GetFullPath(path)
        : Path.Combine(AppContext.BaseDirectory, "Curriculum", "lessons");

    public IReadOnlyList<SeedLesson> Load()
    {
        if (!Directory.Exists(Folder))
        {
            throw new CurriculumException(Folder, "folder", "does not exist");
        }

        var lessons = new List<SeedLesson>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            lessons.Add(LoadFile(path));
        }

        if (lessons.Count == 0)
        {
            throw new CurriculumException(Folder, "folder", "holds no lesson files (*.json)");
        }

        CurriculumValidator.ValidateAcrossFiles(lessons);
        return lessons;
    }

    private static SeedLesson LoadFile(string path)
    {
        var name = Path.GetFileName(path);
        var bytes = File.ReadAllBytes(path);
        LessonFile? file;
        try
        {
            file = JsonSerializer.Deserialize<LessonFile>(bytes, Json);
        }
        catch (JsonException ex)
        {
            throw new CurriculumException(name, ex.Path ?? "$", $"is not valid lesson JSON ({ex.Message})");
        }

        if (file is null)
        {
            throw new CurriculumException(name, "$", "is empty");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return CurriculumValidator.Validate(name, file, hash);
    }
}
