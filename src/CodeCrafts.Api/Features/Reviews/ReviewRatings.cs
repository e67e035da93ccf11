using CodeCrafts.Data.Entities;

namespace CodeCrafts.Api.Features.Reviews;

/// <summary>One answered question, as the spaced-repetition scheduler sees it.</summary>
/// <param name="SelfRating">Flashcards: the learner's own rating (1 Again … 4 Easy); null for other types.</param>
/// <param name="TypicalSeconds">The question's typical answering time (<see cref="Question.TypicalSeconds"/>).</param>
public sealed record ReviewInput(QuestionType Type, int TypicalSeconds, bool IsCorrect, int? SelfRating, int TimeTakenMs);

/// <summary>
/// Turns an attempt into an FSRS rating. A flashcard carries the learner's own rating. Any other question:
/// wrong is Again; right is Easy within half the question's typical time, Good up to one and a half times it,
/// Hard beyond — speed being the best signal we have of how effortless the recall was.
/// </summary>
public static class ReviewRatings
{
    /// <summary>Correct within this fraction of <see cref="Question.TypicalSeconds"/> counts as Easy.</summary>
    public const double EasyAtMost = 0.5;

    /// <summary>Correct within this multiple of <see cref="Question.TypicalSeconds"/> counts as Good; slower is Hard.</summary>
    public const double GoodAtMost = 1.5;

    public static Rating From(ReviewInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Type == QuestionType.Flashcard && input.SelfRating is >= 1 and <= 4)
        {
            return (Rating)input.SelfRating.Value;
        }
        if (!input.IsCorrect)
        {
            return Rating.Again;
        }
        // No usable timing (a client that does not measure): neither reward nor penalise speed.
        if (input.TimeTakenMs <= 0 || input.TypicalSeconds <= 0)
        {
            return Rating.Good;
        }
        var ratio = input.TimeTakenMs / (input.TypicalSeconds * 1000.0);
        return ratio <= EasyAtMost ? Rating.Easy : ratio <= GoodAtMost ? Rating.Good : Rating.Hard;
    }
}
