using CodeCrafts.Api.Features.Progress;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Tests.Features.Progress;

/// <summary>The README's table "XP rules", row by row, against the pure function that implements it.</summary>
public sealed class XpRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly XpOptions Options = new();

    private static XpGrant? Grant(bool correct, QuestionType type, int xp, XpHistory history, XpOptions? options = null) =>
        XpRules.Grant(new XpAnswer(correct, type, xp), history, Today, options ?? Options);

    [Theory]
    [InlineData(QuestionType.MultipleChoice)]
    [InlineData(QuestionType.FillInTheBlank)]
    [InlineData(QuestionType.Code)]
    [InlineData(QuestionType.Flashcard)]
    public void AWrongAnswerEarnsNothing(QuestionType type) =>
        Assert.Null(Grant(false, type, 20, XpHistory.None));

    [Theory]
    [InlineData(QuestionType.MultipleChoice, 20)]
    [InlineData(QuestionType.FillInTheBlank, 15)]
    [InlineData(QuestionType.Code, 30)]
    public void AFirstCorrectAnswerEarnsTheQuestionsXpAndMastersIt(QuestionType type, int xp) =>
        Assert.Equal(new XpGrant(xp, true), Grant(true, type, xp, XpHistory.None));

    [Fact]
    public void AQuestionAlreadyRewardedTodayEarnsNothingMore() =>
        Assert.Null(Grant(true, QuestionType.MultipleChoice, 20, new XpHistory(Today, 1, null, 0)));

    [Theory]
    [InlineData(QuestionType.MultipleChoice)]
    [InlineData(QuestionType.FillInTheBlank)]
    public void ACorrectAnswerAfterTodaysRevealEarnsNothingButStillCountsAsAnsweredCorrectly(QuestionType type)
    {
        Assert.Equal(new XpGrant(0, true), Grant(true, type, 20, new XpHistory(null, 0, Today, 0)));
        Assert.Equal(new XpGrant(0, false), Grant(true, type, 20, new XpHistory(Today.AddDays(-3), 1, Today, 0)));
    }

    [Fact]
    public void AfterADayWhoseAnswerWasCopiedTheFirstRecallOnALaterDayEarnsTheFullXp() =>
        Assert.Equal(new XpGrant(20, false), Grant(true, QuestionType.MultipleChoice, 20, new XpHistory(Today.AddDays(-1), 0, Today.AddDays(-1), 0)));

    [Fact]
    public void ARevealOnAnEarlierDayNoLongerCounts() =>
        Assert.Equal(new XpGrant(20, true), Grant(true, QuestionType.MultipleChoice, 20, new XpHistory(null, 0, Today.AddDays(-1), 0)));

    [Theory]
    [InlineData(QuestionType.Flashcard)]
    [InlineData(QuestionType.Code)]
    public void QuestionsWhoseWrongReplyShowsNoAnswerKeyAreNotBarredByAReveal(QuestionType type) =>
        Assert.NotNull(Grant(true, type, 20, new XpHistory(null, 0, Today, 0)));

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(50)]
    public void AFlashcardEarnsTheSmallFixedXpWhateverItsLessonPays(int lessonXp) =>
        Assert.Equal(new XpGrant(XpOptions.DefaultFlashcardXp, true), Grant(true, QuestionType.Flashcard, lessonXp, XpHistory.None));

    [Fact]
    public void TheFlashcardXpIsConfigurable() =>
        Assert.Equal(5, Grant(true, QuestionType.Flashcard, 50, XpHistory.None, new XpOptions { FlashcardXp = 5 })!.Xp);

    [Theory]
    [InlineData(1, 5)]   // first repeat: ¼ of 20
    [InlineData(2, 2)]   // second: ⅛ of 20, rounded down
    [InlineData(3, 1)]   // third: 1/16 of 20
    [InlineData(9, 1)]   // never below 1
    public void RepeatsOnLaterDaysEarnLessEachTime(int earlierAwards, int expected) =>
        Assert.Equal(new XpGrant(expected, false), Grant(true, QuestionType.MultipleChoice, 20, new XpHistory(Today.AddDays(-1), earlierAwards, null, 0)));

    [Fact]
    public void ARepeatedFlashcardEarnsAtLeastOne() =>
        Assert.Equal(new XpGrant(1, false), Grant(true, QuestionType.Flashcard, 40, new XpHistory(Today.AddDays(-2), 1, null, 0)));

    [Fact]
    public void RepeatXpStopsAtTheDailyCap()
    {
        var repeat = new XpHistory(Today.AddDays(-1), 1, null, XpOptions.DefaultRepeatXpPerDay - 2);
        Assert.Equal(new XpGrant(2, false), Grant(true, QuestionType.MultipleChoice, 40, repeat));
        Assert.Null(Grant(true, QuestionType.MultipleChoice, 40, repeat with { RepeatXpToday = XpOptions.DefaultRepeatXpPerDay }));
        Assert.Null(Grant(true, QuestionType.MultipleChoice, 40, repeat with { RepeatXpToday = 0 }, new XpOptions { RepeatXpPerDay = 0 }));
    }

    [Fact]
    public void TheRepeatCapNeverLimitsAFirstCorrectAnswer() =>
        Assert.Equal(new XpGrant(30, true), Grant(true, QuestionType.MultipleChoice, 30, new XpHistory(null, 0, null, 1_000)));
}
