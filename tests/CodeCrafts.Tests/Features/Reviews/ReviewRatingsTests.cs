using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Tests.Features.Reviews;

public sealed class ReviewRatingsTests
{
    private const int TypicalSeconds = 20;

    [Theory]
    [InlineData(1, Rating.Again)]
    [InlineData(2, Rating.Hard)]
    [InlineData(3, Rating.Good)]
    [InlineData(4, Rating.Easy)]
    public void AFlashcardUsesTheLearnersOwnRating(int selfRating, Rating expected)
    {
        var input = new ReviewInput(QuestionType.Flashcard, TypicalSeconds, selfRating >= 3, selfRating, 60_000);

        Assert.Equal(expected, ReviewRatings.From(input));
    }

    [Theory]
    [InlineData(QuestionType.MultipleChoice, false, 5_000, Rating.Again)]
    [InlineData(QuestionType.MultipleChoice, true, 10_000, Rating.Easy)] // half the typical 20 s
    [InlineData(QuestionType.FillInTheBlank, true, 10_001, Rating.Good)]
    [InlineData(QuestionType.FillInTheBlank, true, 30_000, Rating.Good)] // 1.5 × typical
    [InlineData(QuestionType.Code, true, 30_001, Rating.Hard)]
    [InlineData(QuestionType.Code, false, 300_000, Rating.Again)]
    [InlineData(QuestionType.MultipleChoice, true, 0, Rating.Good)] // no timing: neither reward nor penalty
    public void OtherQuestionsAreRatedByCorrectnessAndTimeAgainstTheTypicalTime(QuestionType type, bool correct, int ms, Rating expected)
    {
        var input = new ReviewInput(type, TypicalSeconds, correct, null, ms);

        Assert.Equal(expected, ReviewRatings.From(input));
    }
}
