using System.Text.Json;
using CodeCrafts.Api.Features.Leagues;
using CodeCrafts.Api.Features.Lessons;
using CodeCrafts.Api.Features.Progress;
using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Api.Features.Streaks;
using CodeCrafts.Data.Entities;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Questions;

/// <summary>Everything one answer writes, decided before any of it is written.</summary>
/// <param name="Award">The XP award, or null when the answer earns none.</param>
/// <param name="Day">The learner's day the answer is booked on.</param>
/// <param name="LessonNextReviewAt">The earliest due review of the lesson's questions, this one's included.</param>
/// <param name="League">What the XP does in the weekly league; null when the answer earns none.</param>
internal sealed record AnswerDecision(
    DateOnly Day, XpGrant? Award, StreakStep Streak, LessonCounts Progress, DateTimeOffset? CompletedAt, DateTimeOffset LessonNextReviewAt,
    Rating Rating, ReviewState ReviewStateBefore, ReviewPlan Review, long WeekXp, AttemptResult Result, string ResultJson, LeagueStep? League)
{
    public int Xp => Award?.Xp ?? 0;
}

/// <summary>
/// The learning loop's rules applied to one answer: a pure function of what the answer's read found (<see cref="AnswerState"/>),
/// so every rule is visible in one place and testable without a database. Each rule itself lives in its feature:
/// <see cref="XpRules"/>, <see cref="StreakRules"/>, <see cref="LessonScore"/> and <see cref="LevelCurve"/>, <see cref="ReviewPlanner"/>.
/// </summary>
internal sealed class AnswerRules(ReviewPlanner planner, IOptions<XpOptions> xpOptions)
{
    public AnswerDecision Decide(AnswerInput input, AnswerState state, DateTimeOffset now)
    {
        var (question, lesson, grade) = (input.Question.Entity, input.Question.Lesson, input.Grade);
        var learner = state.Learner;
        var day = StreakRules.LearnerDay(learner.Streak, learner.TimeZoneId, now);
        var award = XpRules.Grant(new XpAnswer(grade.IsCorrect, question.Type, question.XpReward), History(state, day, now), day, xpOptions.Value);
        var xp = award?.Xp ?? 0;
        var streak = xp > 0 ? StreakRules.EarnXp(learner.Streak, learner.TimeZoneId, now) : new StreakStep(day, learner.Streak, false);

        var before = state.Progress;
        var attempts = (before?.Attempts ?? 0) + 1;
        var correct = (before?.CorrectAttempts ?? 0) + (grade.IsCorrect ? 1 : 0);
        var mastered = (before?.QuestionsMastered ?? 0) + (award is { FirstCorrect: true } ? 1 : 0);
        var completed = LessonScore.IsCompleted(mastered, lesson.Questions.Count);
        var progress = new LessonCounts(attempts, correct, mastered, LessonScore.Of(attempts, correct, mastered, lesson.Questions.Count), completed);

        var rating = ReviewRatings.From(new ReviewInput(question.Type, question.TypicalSeconds, grade.IsCorrect, (int?)grade.Rating, input.TimeTakenMs));
        var plan = planner.Plan(state.Review, rating, input.UserId, question.Id, now, planner.FsrsFor(state.Memory));
        var lessonNextReviewAt = state.OtherDueAt is { } other && other < plan.DueAt ? other : plan.DueAt;

        var totalXp = learner.Xp + xp;
        var todayXp = state.RecentDays.GetValueOrDefault(day) + xp;
        var showAnswer = !grade.IsCorrect || question.Type == QuestionType.Flashcard;
        var result = new AttemptResult(
            Guid.CreateVersion7(), question.Id, lesson.Id, grade.IsCorrect,
            showAnswer ? grade.ExpectedAnswer : null, grade.IsCorrect ? null : question.Explanation,
            xp, totalXp, LevelCurve.LevelFor(totalXp),
            StreakRules.CurrentOn(streak.State, learner.TimeZoneId, now), streak.State.Longest,
            todayXp, learner.DailyXpGoal, todayXp >= learner.DailyXpGoal,
            progress.ToSummary(lesson.Questions.Count), plan.DueAt, now, input.Code);
        return new AnswerDecision(
            day, award, streak, progress, completed ? before?.CompletedAt ?? now : null, lessonNextReviewAt,
            rating, state.Review?.State ?? ReviewState.Learning, plan, state.WeekXp + xp,
            result, JsonSerializer.Serialize(result, StoredAnswers.Json), LeagueAnswer.Decide(state.League, xp, now));
    }

    /// <summary>The XP rules' view of the read. A reveal counts when it fell on the learner's calendar date of now.</summary>
    private static XpHistory History(AnswerState state, DateOnly day, DateTimeOffset now)
    {
        var (learner, fair) = (state.Learner, state.FairPlay);
        // The booked day can run ahead of the calendar (after flying west): shift the reveal's date by the same amount.
        var ahead = day.DayNumber - LearnerCalendar.Today(learner.TimeZoneId, now).DayNumber;
        DateOnly? revealDay = fair.LastWrongAt is { } wrongAt ? LearnerCalendar.Today(learner.TimeZoneId, wrongAt).AddDays(ahead) : null;
        return new XpHistory(state.LastAwardDay, fair.PaidAwards, revealDay, fair.RepeatXpByDay.GetValueOrDefault(day));
    }
}
