using System.ComponentModel;
using CodeCrafts.Api.Common.InputHygiene;

namespace CodeCrafts.Api.Features.Questions;

/// <summary>A learner's self-assessment of a flashcard, the same scale FSRS uses.</summary>
public enum SelfRating
{
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

/// <summary>A learner's answer: exactly the field that the question's type asks for.</summary>
public sealed record AnswerSubmission
{
    [Description("Multiple choice: the chosen option id(s).")]
    public IReadOnlyList<string>? OptionIds { get; init; }

    [Description("Fill in the blank: one answer per blank, in the order the blanks appear.")]
    public IReadOnlyList<string>? Blanks { get; init; }

    [Description("Flashcard: how well you remembered (again, hard, good, easy); good and easy count as correct.")]
    public SelfRating? Rating { get; init; }

    [SourceCode]
    [Description("Code: the program's source.")]
    public string? Code { get; init; }
}
