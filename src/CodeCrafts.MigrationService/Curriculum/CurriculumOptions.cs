namespace CodeCrafts.MigrationService.Curriculum;

internal sealed class CurriculumOptions
{
    public const string Section = "Curriculum";

    /// <summary>Folder of lesson files; defaults to the copy shipped beside the worker.</summary>
    public string? Path { get; set; }

    /// <summary>Run code questions' reference and wrong solutions before seeding; turn off only deliberately.</summary>
    public bool VerifyCodeQuestions { get; set; } = true;
}
