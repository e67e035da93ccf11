using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Api.Features.Lessons;

/// <summary>Catalogue filters: <c>?language=python&amp;difficulty=2</c>.</summary>
public sealed record LessonFilter
{
    [RegularExpression("^(python|cpp)$", ErrorMessage = "language must be python or cpp.")]
    [Description("python or cpp.")]
    public string? Language { get; init; }

    [Range(1, 5, ErrorMessage = "difficulty must be between 1 and 5.")]
    [Description("1 (first steps) to 5.")]
    public int? Difficulty { get; init; }
}

/// <summary>The caller's standing in a lesson; zeros when not started.</summary>
public sealed record LessonProgressSummary(int Attempts, int CorrectAttempts, int QuestionsMastered, int QuestionCount, int Score, bool Completed)
{
    public static LessonProgressSummary NotStarted(int questionCount) => new(0, 0, 0, questionCount, 0, false);
}

public sealed record LessonSummary(
    Guid Id, string Slug, string Title, string Summary, string Language, int Difficulty, int XpReward, int Order,
    int QuestionCount, LessonProgressSummary Progress);

public sealed record ChoiceView(string Id, string Text);

public sealed record VisibleTestView(string Stdin, string ExpectedStdout);

/// <summary>A question as a learner sees it before answering: never its answer key, reference solution or hidden tests.</summary>
/// <param name="MultipleAnswers">Multiple choice: more than one option is correct ("select all that apply").</param>
/// <param name="BlankCount">Fill in the blank: how many answers to send, one per <c>___</c> in the prompt.</param>
/// <param name="StarterCode">Code: the program to start from.</param>
/// <param name="Tests">Code: the visible test cases (hidden ones are run but never shown).</param>
/// <param name="Back">Flashcard: the back of the card. A flashcard is self-rated, so its back is no secret: the learner
/// flips the card, compares, then rates how well they remembered.</param>
public sealed record QuestionView(
    Guid Id, string Slug, QuestionType Type, int Order, string Prompt, int Difficulty, int XpReward, int TypicalSeconds,
    IReadOnlyList<ChoiceView>? Choices, bool MultipleAnswers, int? BlankCount, string? StarterCode, IReadOnlyList<VisibleTestView>? Tests,
    string? Back);

public sealed record LessonDetail(
    Guid Id, string Slug, string Title, string Summary, string Language, int Difficulty, int XpReward, int Order,
    LessonProgressSummary Progress, IReadOnlyList<QuestionView> Questions);
