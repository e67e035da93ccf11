using CodeCrafts.Data.Entities;

namespace CodeCrafts.MigrationService.Curriculum;

/// <summary>A validated lesson, ready to be written.</summary>
internal sealed record SeedLesson(
    string FileName,
    string Slug,
    string Title,
    string Summary,
    ProgrammingLanguage Language,
    int Difficulty,
    int XpReward,
    int Order,
    bool Published,
    string ContentHash,
    IReadOnlyList<SeedQuestion> Questions);

internal sealed record SeedQuestion(
    string Slug,
    QuestionType Type,
    int Order,
    string Prompt,
    string Explanation,
    int Difficulty,
    int XpReward,
    int TypicalSeconds,
    string? OptionsJson,
    string AnswerKeyJson,
    string? StarterCode,
    string? TestCasesJson,
    string? LimitsJson);
