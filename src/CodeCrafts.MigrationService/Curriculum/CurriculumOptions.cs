namespace CodeCrafts.MigrationService.Curriculum;

internal sealed class CurriculumOptions
{
    public const string Section = "Curriculum";

    /// <summary>Folder of lesson files; defaults to the copy shipped beside the worker.</summary>
    public string? Path { get; set; }
}
