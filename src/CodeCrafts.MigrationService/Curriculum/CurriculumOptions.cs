namespace CodeCrafts.MigrationService.Curriculum;

internal sealed class CurriculumOptions
{
    public const string Section = "Curriculum";

    /// <summary>Folder of lesson files; defaults to the copy shipped beside the worker.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// Run code questions' reference and wrong solutions before seeding (the worker's <c>--verify-code</c>).
    /// Off by default so that seeding never depends on a code runner; the tests and CI turn it on.
    /// </summary>
    public bool VerifyCodeQuestions { get; set; }
}
