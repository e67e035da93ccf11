using CodeCrafts.Api.Features.Questions;
using CodeCrafts.Data.Content;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Tests.Features.Questions;

public sealed class AnswerGraderTests
{
    private static Question MultipleChoice(params string[] correct) => new()
    {
        Slug = "mc",
        Type = QuestionType.MultipleChoice,
        Prompt = "Pick",
        OptionsJson = ContentJson.Serialize(new QuestionOptions
        {
            Choices = [new("a", "A"), new("b", "B"), new("c", "C"), new("d", "D")],
            MultipleAnswers = correct.Length > 1,
        }),
        AnswerKeyJson = ContentJson.Serialize(new AnswerKey { CorrectOptionIds = correct }),
    };

    private static Question FillIn(bool normalizeWhitespace, params BlankKey[] blanks) => new()
    {
        Slug = "fill",
        Type = QuestionType.FillInTheBlank,
        Prompt = string.Join(" ", blanks.Select(_ => "___")),
        OptionsJson = ContentJson.Serialize(new QuestionOptions { BlankCount = blanks.Length }),
        AnswerKeyJson = ContentJson.Serialize(new AnswerKey { Blanks = blanks, NormalizeWhitespace = normalizeWhitespace }),
    };

    private static Question Flashcard() => new()
    {
        Slug = "card",
        Type = QuestionType.Flashcard,
        Prompt = "What is a list?",
        AnswerKeyJson = ContentJson.Serialize(new AnswerKey { Back = "An ordered, mutable sequence." }),
    };

    private static GradeResult Verdict(Question question, AnswerSubmission answer)
    {
        var grading = AnswerGrader.Grade(question, answer);
        Assert.Null(grading.Errors);
        return grading.Result!;
    }

    private static string InvalidField(Question question, AnswerSubmission answer)
    {
        var grading = AnswerGrader.Grade(question, answer);
        Assert.Null(grading.Result);
        return Assert.Single(grading.Errors!).Key;
    }

    [Fact]
    public void TheCorrectSingleOptionIsRightAndAnotherIsWrongWithTheExpectedOptionShown()
    {
        var question = MultipleChoice("b");

        var right = Verdict(question, new AnswerSubmission { OptionIds = ["b"] });
        var wrong = Verdict(question, new AnswerSubmission { OptionIds = ["c"] });

        Assert.True(right.IsCorrect);
        Assert.False(wrong.IsCorrect);
        Assert.Equal(["b"], wrong.ExpectedAnswer);
    }

    [Fact]
    public void AMultipleAnswerQuestionNeedsExactlyTheCorrectSetInAnyOrder()
    {
        var question = MultipleChoice("a", "c");

        Assert.True(Verdict(question, new AnswerSubmission { OptionIds = ["c", "a"] }).IsCorrect);
        Assert.False(Verdict(question, new AnswerSubmission { OptionIds = ["a"] }).IsCorrect);
        Assert.False(Verdict(question, new AnswerSubmission { OptionIds = ["a", "c", "d"] }).IsCorrect);
    }

    [Fact]
    public void ASingleAnswerQuestionRejectsSeveralOptionsUnknownOptionsAndRepeats()
    {
        var question = MultipleChoice("a");

        Assert.Equal("optionIds", InvalidField(question, new AnswerSubmission { OptionIds = ["a", "b"] }));
        Assert.Equal("optionIds", InvalidField(question, new AnswerSubmission { OptionIds = ["z"] }));
        Assert.Equal("optionIds", InvalidField(MultipleChoice("a", "b"), new AnswerSubmission { OptionIds = ["a", "a"] }));
        Assert.Equal("optionIds", InvalidField(question, new AnswerSubmission { OptionIds = [] }));
    }

    [Theory]
    [InlineData("  List  ")]
    [InlineData("LIST")]
    [InlineData("list")]
    [InlineData("ｌｉｓｔ")]
    public void ABlankIgnoresSurroundingSpacesCaseAndCompatibilityForms(string given)
    {
        var question = FillIn(true, new BlankKey(["list"], CaseSensitive: false));

        Assert.True(Verdict(question, new AnswerSubmission { Blanks = [given] }).IsCorrect);
    }

    [Fact]
    public void ACaseSensitiveBlankTreatsIdentifiersExactly()
    {
        var question = FillIn(true, new BlankKey(["len"], CaseSensitive: true));

        Assert.True(Verdict(question, new AnswerSubmission { Blanks = [" len "] }).IsCorrect);
        Assert.False(Verdict(question, new AnswerSubmission { Blanks = ["Len"] }).IsCorrect);
    }

    [Fact]
    public void WhitespaceRunsCollapseOnlyWhenTheQuestionAsksForIt()
    {
        var collapsing = FillIn(true, new BlankKey(["std::vector<int> v"], CaseSensitive: true));
        var exact = FillIn(false, new BlankKey(["std::vector<int> v"], CaseSensitive: true));

        Assert.True(Verdict(collapsing, new AnswerSubmission { Blanks = ["std::vector<int>   v"] }).IsCorrect);
        Assert.False(Verdict(exact, new AnswerSubmission { Blanks = ["std::vector<int>   v"] }).IsCorrect);
    }

    [Fact]
    public void AnyAcceptedAnswerCountsAndEveryBlankMustBeRight()
    {
        var question = FillIn(true, new BlankKey(["for", "while"], false), new BlankKey(["in"], false));

        Assert.True(Verdict(question, new AnswerSubmission { Blanks = ["while", "in"] }).IsCorrect);
        var wrong = Verdict(question, new AnswerSubmission { Blanks = ["for", "of"] });
        Assert.False(wrong.IsCorrect);
        Assert.Equal(["for", "in"], wrong.ExpectedAnswer);
    }

    [Fact]
    public void TheWrongNumberOfBlanksIsInvalidNotWrong()
    {
        var question = FillIn(true, new BlankKey(["a"], false), new BlankKey(["b"], false));

        Assert.Equal("blanks", InvalidField(question, new AnswerSubmission { Blanks = ["a"] }));
        Assert.Equal("blanks", InvalidField(question, new AnswerSubmission { Blanks = ["a", new string('x', AnswerGrader.MaxBlankLength + 1)] }));
    }

    [Theory]
    [InlineData(SelfRating.Again, false)]
    [InlineData(SelfRating.Hard, false)]
    [InlineData(SelfRating.Good, true)]
    [InlineData(SelfRating.Easy, true)]
    public void AFlashcardCountsAsCorrectForGoodAndEasy(SelfRating rating, bool correct)
    {
        var result = Verdict(Flashcard(), new AnswerSubmission { Rating = rating });

        Assert.Equal(correct, result.IsCorrect);
        Assert.Equal(rating, result.Rating);
        Assert.Equal(["An ordered, mutable sequence."], result.ExpectedAnswer);
    }

    [Fact]
    public void AFlashcardWithoutAValidRatingIsInvalid()
    {
        Assert.Equal("rating", InvalidField(Flashcard(), new AnswerSubmission()));
        Assert.Equal("rating", InvalidField(Flashcard(), new AnswerSubmission { Rating = (SelfRating)7 }));
    }

    [Fact]
    public void AnAnswerOfAnotherTypesShapeNamesTheFieldThatDoesNotBelong()
    {
        Assert.Equal("blanks", InvalidField(MultipleChoice("a"), new AnswerSubmission { Blanks = ["a"] }));
        Assert.Equal("blanks", InvalidField(MultipleChoice("a"), new AnswerSubmission { OptionIds = ["a"], Blanks = ["a"] }));
        Assert.Equal("rating", InvalidField(FillIn(true, new BlankKey(["a"], false)), new AnswerSubmission { Rating = SelfRating.Good }));
        Assert.Equal("optionIds", InvalidField(Flashcard(), new AnswerSubmission { OptionIds = ["a"] }));
        Assert.Equal("code", InvalidField(Flashcard(), new AnswerSubmission { Rating = SelfRating.Good, Code = "print(1)" }));
    }

    [Fact]
    public void ACodeAnswerIsLeftToTheCodeRunner()
    {
        var code = new Question { Slug = "code", Type = QuestionType.Code, Prompt = "Write", AnswerKeyJson = ContentJson.Serialize(new AnswerKey { ReferenceSolution = "print(1)" }) };

        Assert.Throws<InvalidOperationException>(() => AnswerGrader.Grade(code, new AnswerSubmission { Code = "print(1)" }));
    }
}
