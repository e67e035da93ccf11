namespace CodeCrafts.MigrationService.Curriculum;

// The shape of one lesson file (Curriculum/lessons/<slug>.json). Everything is nullable so that
// the validator, not the deserializer, reports a missing field by its name.

internal sealed record LessonFile
{
    public string? Slug { get; init; }
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public string? Language { get; init; }
    public int? Difficulty { get; init; }
    public int? XpReward { get; init; }
    public int? Order { get; init; }
    public bool? Published { get; init; }
    public List<QuestionFile>? Questions { get; init; }
}

internal sealed record QuestionFile
{
    public string? Slug { get; init; }
    public string? Type { get; init; }
    public string? Prompt { get; init; }
    public string? Explanation { get; init; }
    public int? Difficulty { get; init; }
    public int? XpReward { get; init; }
    public int? TypicalSeconds { get; init; }
    public List<OptionFile>? Options { get; init; }
    public List<string>? CorrectOptionIds { get; init; }
    public List<BlankFile>? Blanks { get; init; }
    public bool? NormalizeWhitespace { get; init; }
    public string? Back { get; init; }
    public string? StarterCode { get; init; }
    public string? ReferenceSolution { get; init; }
    public List<string>? WrongSolutions { get; init; }
    public List<TestFile>? Tests { get; init; }
    public LimitsFile? Limits { get; init; }
}

internal sealed record OptionFile(string? Id, string? Text);

internal sealed record BlankFile(List<string>? Accepted, bool? CaseSensitive);

internal sealed record TestFile(string? Stdin, string? ExpectedStdout, bool? Hidden);

internal sealed record LimitsFile(double? CpuTimeSeconds, int? MemoryMb);
