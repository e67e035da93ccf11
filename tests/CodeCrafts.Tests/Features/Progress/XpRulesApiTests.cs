using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Progress;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Features.Leaderboards;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Progress;

/// <summary>The README's table "XP rules", through the real Api over PostgreSQL and Redis.</summary>
public sealed class XpRulesApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(QuestionType.MultipleChoice)]
    [InlineData(QuestionType.FillInTheBlank)]
    public async Task ACorrectAnswerAfterTheAnswerWasRevealedEarnsNothingThatDayAndTheFullXpWhenRecalledTheNextDay(QuestionType type)
    {
        var user = await api.CreateAsync();
        var question = (await api.GradableQuestionsAsync()).First(q => q.Type == type);

        var wrong = await api.AnswerAsync(user.Id, question, correct: false);
        var copied = await api.AnswerAsync(user.Id, question);
        api.Factory.Time.Advance(TimeSpan.FromDays(1));
        var recalled = await api.AnswerAsync(user.Id, question);

        Assert.NotNull(wrong.ExpectedAnswer);
        Assert.NotEmpty(wrong.ExpectedAnswer);
        Assert.True(copied.Correct);
        Assert.Equal((0, 0L), (copied.XpGained, copied.TotalXp));
        Assert.Equal(1, copied.LessonProgress.QuestionsMastered);
        Assert.Equal(question.XpReward, recalled.XpGained);
        Assert.Equal(1, recalled.LessonProgress.QuestionsMastered);
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.Equal([0, question.XpReward], await db.XpAwards.Where(a => a.UserId == user.Id).OrderBy(a => a.Day).Select(a => a.Xp).ToListAsync(Ct));
    }

    [Fact]
    public async Task ARevealOnAnEarlierDayDoesNotBarToday()
    {
        var user = await api.CreateAsync();
        var question = (await api.GradableQuestionsAsync()).First(q => q.Type == QuestionType.MultipleChoice);

        // Revealed late in the evening, recalled 90 minutes later: within a day, but on the next date.
        api.MoveToLocalTime("Etc/UTC", new TimeOnly(23, 0));
        await api.AnswerAsync(user.Id, question, correct: false);
        api.MoveToLocalTime("Etc/UTC", new TimeOnly(0, 30));
        var nextDay = await api.AnswerAsync(user.Id, question);

        Assert.Equal(question.XpReward, nextDay.XpGained);
    }

    [Fact]
    public async Task AFlashcardEarnsTheSmallFixedXpEvenAfterShowingItsBack()
    {
        var user = await api.CreateAsync();
        var cards = (await api.GradableQuestionsAsync()).Where(q => q.Type == QuestionType.Flashcard && q.XpReward != XpOptions.DefaultFlashcardXp).Take(2).ToList();

        var first = await api.AnswerAsync(user.Id, cards[0]);
        var again = await api.AnswerAsync(user.Id, cards[1], correct: false);
        var second = await api.AnswerAsync(user.Id, cards[1]);

        Assert.Equal(XpOptions.DefaultFlashcardXp, first.XpGained);
        Assert.NotNull(again.ExpectedAnswer);
        Assert.Equal(XpOptions.DefaultFlashcardXp, second.XpGained);
        Assert.Equal(2L * XpOptions.DefaultFlashcardXp, second.TotalXp);
    }

    [Fact]
    public async Task RepeatsOnLaterDaysEarnLessEachTime()
    {
        var user = await api.CreateAsync();
        var question = (await api.GradableQuestionsAsync()).First(q => q.Type == QuestionType.MultipleChoice && q.XpReward >= 20);

        var gained = new List<int>();
        for (var day = 0; day < 4; day++)
        {
            gained.Add((await api.AnswerAsync(user.Id, question)).XpGained);
            api.Factory.Time.Advance(TimeSpan.FromDays(1));
        }

        var full = question.XpReward;
        Assert.Equal([full, full >> 2, full >> 3, Math.Max(1, full >> 4)], gained);
        Assert.True(gained[1] > gained[2]);
    }

    [Fact]
    public async Task RepeatXpStopsAtTheDailyCapWhileFirstAnswersStillPay()
    {
        var user = await api.CreateAsync();
        var questions = (await api.GradableQuestionsAsync()).Where(q => q.Type != QuestionType.Flashcard).ToList();
        // Enough questions that their repeats are worth more than a day's allowance, and one more that finds it spent.
        var count = questions.TakeWhile((_, i) => questions.Take(i).Sum(q => XpRules.RepeatXp(q.XpReward, 1)) <= XpOptions.DefaultRepeatXpPerDay).Count();
        var repeated = questions.Take(count + 1).ToList();
        foreach (var q in repeated)
        {
            await api.AnswerAsync(user.Id, q);
        }

        api.Factory.Time.Advance(TimeSpan.FromDays(1));
        var repeats = new List<int>();
        foreach (var q in repeated)
        {
            repeats.Add((await api.AnswerAsync(user.Id, q)).XpGained);
        }
        var fresh = questions[repeated.Count];
        var firstTime = await api.AnswerAsync(user.Id, fresh);

        Assert.True(repeated.Sum(q => XpRules.RepeatXp(q.XpReward, 1)) > XpOptions.DefaultRepeatXpPerDay);
        Assert.Equal(XpOptions.DefaultRepeatXpPerDay, repeats.Sum());
        Assert.Equal(0, repeats[^1]);
        Assert.Equal(fresh.XpReward, firstTime.XpGained);
        Assert.Equal(XpOptions.DefaultRepeatXpPerDay + fresh.XpReward, firstTime.TodayXp);
    }

    [Fact]
    public async Task TheWeeklyBoardCountsExactlyTheXpAwarded()
    {
        // Start on a Monday morning so every day of the test falls in one ISO week.
        var monday = api.MoveToLocalTime("Etc/UTC", new TimeOnly(8, 0));
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = api.MoveToLocalTime("Etc/UTC", new TimeOnly(8, 0));
        }
        var user = await api.CreateAsync();
        var questions = (await api.GradableQuestionsAsync()).ToList();
        var replied = 0L;
        for (var day = 0; day < 3; day++)
        {
            // Every rule in play: wrong answers, reveals, flashcards, first answers, repeats and the repeat cap.
            foreach (var (q, i) in questions.Take(12).Select((q, i) => (q, i)))
            {
                replied += (await api.AnswerAsync(user.Id, q, correct: (i + day) % 3 != 0)).XpGained;
                replied += (await api.AnswerAsync(user.Id, q)).XpGained;
            }
            api.MoveToLocalTime("Etc/UTC", new TimeOnly(8, 0));
        }

        var week = IsoWeek.Of(monday);
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var awarded = await db.XpAwards.Where(a => a.UserId == user.Id).SumAsync(a => (long)a.Xp, Ct);
        var awardedThisWeek = await db.XpAwards.Where(a => a.UserId == user.Id && a.AwardedAt >= week.Start && a.AwardedAt < week.End)
            .SumAsync(a => (long)a.Xp, Ct);
        var weekly = await user.Client.GetBoardAsync("xp", "weekly");
        var allTime = await user.Client.GetBoardAsync("xp", "all");

        Assert.True(awarded > 0);
        Assert.Equal(awarded, awardedThisWeek);
        Assert.Equal(replied, awarded);
        Assert.Equal(awarded, weekly.Me.Score);
        Assert.Equal(awarded, allTime.Me.Score);
        Assert.Equal(awarded, await db.Users.Where(u => u.Id == user.Id).Select(u => u.Xp).SingleAsync(Ct));
    }
}
