using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Progress;
using CodeCrafts.Api.Features.Questions;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Progress;

public sealed class ProgressTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A lesson without code questions, so that it can be completed before code execution exists.
    private async Task<List<SeededQuestion>> CompletableLessonAsync(int skip = 0)
    {
        var all = await api.QuestionsAsync();
        var lessonId = all.GroupBy(q => q.LessonId).Where(g => g.All(q => q.Type != QuestionType.Code)).Skip(skip).First().Key;
        return all.Where(q => q.LessonId == lessonId).ToList();
    }

    [Fact]
    public async Task AnsweringEveryQuestionRightCompletesTheLessonWithAPerfectScore()
    {
        var user = await api.CreateAsync();
        var lesson = await CompletableLessonAsync();

        var results = new List<AttemptResult>();
        foreach (var question in lesson)
        {
            results.Add(await api.AnswerAsync(user.Id, question));
        }

        Assert.All(results[..^1], r => Assert.False(r.LessonProgress.Completed));
        var last = results[^1].LessonProgress;
        Assert.Equal((lesson.Count, lesson.Count, lesson.Count, true, 100), (last.Attempts, last.QuestionsMastered, last.QuestionCount, last.Completed, last.Score));
        var progress = Assert.Single((await api.GetAsync<PagedResult<LessonProgress>>(user.Id, "/api/progress")).Items);
        Assert.Equal((lesson[0].LessonId, true, 1.0, 100), (progress.LessonId, progress.Completed, progress.CorrectRatio, progress.Score));
        Assert.NotNull(progress.CompletedAt);
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var earliestDue = await db.ReviewItems.Where(r => r.UserId == user.Id).MinAsync(r => r.DueAt, Ct);
        Assert.Equal(earliestDue, progress.NextReviewAt);
    }

    [Fact]
    public async Task MistakesLowerTheScoreAsDocumented()
    {
        var user = await api.CreateAsync();
        var lesson = await CompletableLessonAsync(skip: 1);

        await api.AnswerAsync(user.Id, lesson[0], correct: false);
        await api.AnswerAsync(user.Id, lesson[0], correct: false);
        var halfway = await api.AnswerAsync(user.Id, lesson[0]);
        AttemptResult last = halfway;
        foreach (var question in lesson.Skip(1))
        {
            last = await api.AnswerAsync(user.Id, question);
        }

        // coverage × (½ + ½ × accuracy): 1/n of the lesson at 1/3 accuracy, then all of it at n/(n+2).
        var n = lesson.Count;
        Assert.Equal((int)Math.Round(100.0 / n * (0.5 + (0.5 / 3)), MidpointRounding.AwayFromZero), halfway.LessonProgress.Score);
        Assert.Equal((int)Math.Round(100 * (0.5 + (0.5 * n / (n + 2))), MidpointRounding.AwayFromZero), last.LessonProgress.Score);
        Assert.True(last.LessonProgress.Completed);
        var progress = Assert.Single((await api.GetAsync<PagedResult<LessonProgress>>(user.Id, "/api/progress")).Items);
        Assert.Equal((n + 2, n), (progress.Attempts, progress.CorrectAttempts));
        Assert.Equal(Math.Round((double)n / (n + 2), 4), progress.CorrectRatio);
    }

    [Fact]
    public async Task ProgressListsOnlyStartedLessonsMostRecentFirstAndPages()
    {
        var user = await api.CreateAsync();
        var questions = await api.GradableQuestionsAsync();
        var firstOfEachLesson = questions.GroupBy(q => q.LessonId).Select(g => g.First()).Take(3).ToList();
        foreach (var question in firstOfEachLesson)
        {
            api.Factory.Time.Advance(TimeSpan.FromMinutes(1));
            await api.AnswerAsync(user.Id, question);
        }

        var page1 = await api.GetAsync<PagedResult<LessonProgress>>(user.Id, "/api/progress?pageSize=2");
        var page2 = await api.GetAsync<PagedResult<LessonProgress>>(user.Id, "/api/progress?pageSize=2&page=2");

        Assert.Equal(3, page1.Total);
        Assert.Equal(firstOfEachLesson.Select(q => q.LessonId).Reverse(), page1.Items.Concat(page2.Items).Select(p => p.LessonId));
    }

    [Fact]
    public async Task TheAnswerHistoryHoldsOnlyTheCallersAttemptsNewestFirst()
    {
        var user = await api.CreateAsync();
        var other = await api.CreateAsync();
        var questions = await api.GradableQuestionsAsync();
        var mine = new List<AttemptResult>();
        for (var i = 0; i < 3; i++)
        {
            api.Factory.Time.Advance(TimeSpan.FromSeconds(5));
            mine.Add(await api.AnswerAsync(user.Id, questions[i], correct: i != 1));
        }
        await api.AnswerAsync(other.Id, questions[0]);

        var page1 = await api.GetAsync<PagedResult<AttemptHistoryItem>>(user.Id, "/api/questions/attempts?pageSize=2");
        var page2 = await api.GetAsync<PagedResult<AttemptHistoryItem>>(user.Id, "/api/questions/attempts?pageSize=2&page=2");

        Assert.Equal(3, page1.Total);
        var history = page1.Items.Concat(page2.Items).ToList();
        Assert.Equal(mine.Select(r => r.AttemptId).Reverse(), history.Select(h => h.Id));
        Assert.Equal([true, false, true], history.Select(h => h.Correct).Reverse());
        Assert.Equal(Learning.Correct(questions[2]).OptionIds ?? [], history[0].Answer?.OptionIds ?? []);
        Assert.Equal(mine[2].XpGained, history[0].XpAwarded);
        Assert.Equal(4200, history[0].TimeTakenMs);
    }

    [Fact]
    public async Task StatsShowXpLevelTodayAgainstTheGoalAndThirtyDays()
    {
        var user = await api.CreateAsync();
        var questions = (await api.GradableQuestionsAsync()).Where(q => q.XpReward > 0).Take(3).ToList();
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            var goal = questions[0].FirstXp + questions[1].FirstXp;
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DailyXpGoal, goal), Ct);
        }
        api.MoveToLocalTime("Etc/UTC", new TimeOnly(8, 0));
        var yesterday = await api.AnswerAsync(user.Id, questions[2]);
        api.MoveToLocalTime("Etc/UTC", new TimeOnly(8, 0));
        var first = await api.AnswerAsync(user.Id, questions[0]);
        var second = await api.AnswerAsync(user.Id, questions[1]);

        var stats = await api.GetAsync<UserStats>(user.Id, "/api/users/me/stats");

        Assert.False(first.DailyGoalReached);
        Assert.True(second.DailyGoalReached);
        var total = questions.Sum(q => q.FirstXp);
        Assert.Equal((total, LevelCurve.LevelFor(total), 2, 2), (stats.Xp, stats.Level, stats.CurrentStreak, stats.LongestStreak));
        Assert.Equal((first.TodayXp + questions[1].FirstXp, true), (stats.TodayXp, stats.DailyGoalReached));
        Assert.Equal(30, stats.Last30Days.Count);
        Assert.Equal(stats.Today, stats.Last30Days[^1].Day);
        Assert.Equal([yesterday.XpGained, stats.TodayXp], stats.Last30Days.TakeLast(2).Select(d => d.Xp));
        Assert.All(stats.Last30Days.SkipLast(2), d => Assert.Equal(0, d.Answers));
        Assert.True(stats.LevelStartsAtXp <= stats.Xp && stats.Xp < stats.NextLevelAtXp);
    }
}
