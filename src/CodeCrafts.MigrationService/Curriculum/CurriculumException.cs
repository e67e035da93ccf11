namespace CodeCrafts.MigrationService.Curriculum;

/// <summary>A content file that cannot be seeded; the message names the file and the field.</summary>
public sealed class CurriculumException(string file, string field, string problem)
    : Exception($"Curriculum file '{file}': {field}: {problem}")
{
    public string File { get; } = file;
    public string Field { get; } = field;
}
