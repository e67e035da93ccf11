using System.Text;
using System.Text.RegularExpressions;
using CodeCrafts.Data.Content;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Api.Features.Questions;

/// <summary>The verdict on one answer, and what to show the learner after a wrong one.</summary>
public sealed record GradeResult(bool IsCorrect, IReadOnlyList<string> ExpectedAnswer, SelfRating? Rating);

/// <summary>Either a verdict, or why the answer does not fit the question (field name → messages).</summary>
public sealed record Grading(GradeResult? Result, IDictionary<string, string[]>? Errors)
{
    public static Grading Invalid(string field, string message) => new(null, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>
/// Grades multiple-choice, fill-in-the-blank and flashcard answers against the stored answer key.
/// Code answers are not graded here: they go to the code runner.
/// </summary>
public static partial class AnswerGrader
{
    public const int MaxBlankLength = 500;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static Grading Grade(Question question, AnswerSubmission answer)
    {
        if (Unexpected(question.Type, answer) is { } field)
        {
            return Grading.Invalid(field, $"A {FieldFor(question.Type)} answer is expected for this {question.Type} question; {field} does not belong here.");
        }
        var key = ContentJson.Deserialize<AnswerKey>(question.AnswerKeyJson);
        return question.Type switch
        {
            QuestionType.MultipleChoice => MultipleChoice(question, key, answer),
            QuestionType.FillInTheBlank => FillInTheBlank(key, answer),
            QuestionType.Flashcard => Flashcard(key, answer),
            _ => throw new InvalidOperationException($"{question.Type} questions are not graded by {nameof(AnswerGrader)}."),
        };
    }

    private static Grading MultipleChoice(Question question, AnswerKey key, AnswerSubmission answer)
    {
        if (answer.OptionIds is not { Count: > 0 } chosen)
        {
            return Grading.Invalid("optionIds", "A multiple-choice answer needs optionIds: the chosen option id(s).");
        }
        var options = question.OptionsJson is null ? null : ContentJson.Deserialize<QuestionOptions>(question.OptionsJson);
        var valid = options?.Choices?.Select(c => c.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        var unknown = chosen.FirstOrDefault(id => !valid.Contains(id));
        if (unknown is not null)
        {
            return Grading.Invalid("optionIds", $"'{unknown}' is not an option of this question.");
        }
        if (chosen.Distinct().Count() != chosen.Count)
        {
            return Grading.Invalid("optionIds", "An option may be chosen only once.");
        }
        if (options is { MultipleAnswers: false } && chosen.Count > 1)
        {
            return Grading.Invalid("optionIds", "This question has one correct option: choose exactly one.");
        }

        var expected = key.CorrectOptionIds ?? [];
        var correct = chosen.ToHashSet(StringComparer.Ordinal).SetEquals(expected);
        return new Grading(new GradeResult(correct, expected, null), null);
    }

    private static Grading FillInTheBlank(AnswerKey key, AnswerSubmission answer)
    {
        var blanks = key.Blanks ?? [];
        if (answer.Blanks is not { } given || given.Count != blanks.Count)
        {
            return Grading.Invalid("blanks", $"This question has {blanks.Count} blank(s); send one answer for each, in order.");
        }
        if (given.Any(g => g is null || g.Length > MaxBlankLength))
        {
            return Grading.Invalid("blanks", $"Each blank's answer must be a string of at most {MaxBlankLength} characters.");
        }

        var correct = blanks.Zip(given).All(pair =>
            pair.First.Accepted.Any(accepted => Matches(accepted, pair.Second, pair.First.CaseSensitive, key.NormalizeWhitespace)));
        return new Grading(new GradeResult(correct, blanks.Select(b => b.Accepted[0]).ToList(), null), null);
    }

    private static Grading Flashcard(AnswerKey key, AnswerSubmission answer)
    {
        if (answer.Rating is not { } rating || !Enum.IsDefined(rating))
        {
            return Grading.Invalid("rating", "A flashcard answer needs rating: again, hard, good or easy.");
        }
        var correct = rating is SelfRating.Good or SelfRating.Easy;
        return new Grading(new GradeResult(correct, [key.Back ?? ""], rating), null);
    }

    // An answer carries exactly the field its question type reads; anything else is a client bug, not a wrong answer.
    private static string? Unexpected(QuestionType type, AnswerSubmission answer) => type switch
    {
        _ when type != QuestionType.MultipleChoice && answer.OptionIds is not null => "optionIds",
        _ when type != QuestionType.FillInTheBlank && answer.Blanks is not null => "blanks",
        _ when type != QuestionType.Flashcard && answer.Rating is not null => "rating",
        _ when type != QuestionType.Code && answer.Code is not null => "code",
        _ => null,
    };

    private static string FieldFor(QuestionType type) => type switch
    {
        QuestionType.MultipleChoice => "optionIds",
        QuestionType.FillInTheBlank => "blanks",
        QuestionType.Flashcard => "rating",
        _ => "code",
    };

    /// <summary>
    /// Trimmed, Unicode-normalised, case-folded unless the blank is a case-sensitive identifier,
    /// with runs of whitespace collapsed when the question asks for it (the default).
    /// </summary>
    public static bool Matches(string accepted, string given, bool caseSensitive, bool normalizeWhitespace) =>
        string.Equals(
            Normalize(accepted, normalizeWhitespace),
            Normalize(given, normalizeWhitespace),
            caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string text, bool collapseWhitespace)
    {
        var normalized = text.Trim().Normalize(NormalizationForm.FormKC);
        return collapseWhitespace ? Whitespace().Replace(normalized, " ") : normalized;
    }
}
