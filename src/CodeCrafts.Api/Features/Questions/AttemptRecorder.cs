using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.CodeExecution;
using CodeCrafts.Api.Features.Duels;
using CodeCrafts.Api.Features.Lessons;
using CodeCrafts.Api.Features.Progress;
using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Api.Features.Streaks;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Questions;

internal enum AttemptStatus
{
    Recorded,
    Replayed,
    KeyUsedForAnotherQuestion,
    UnknownUser,
}

internal sealed record AttemptOutcome(AttemptStatus Status, AttemptResult? Result = null);

/// <summary>
/// Records a graded answer and everything it moves — attempt, XP, streak, daily activity, lesson progress,
/// review schedule — in one transaction. A learner's answers are serialised by locking their user row, so
/// different learners never wait on each other; the attempt's unique (user, idempotency key) makes a retry,
/// even a concurrent one, wait for the first and then replay its stored result.
/// </summary>
internal sealed class AttemptRecorder(
    CodeCraftsDbContext db, XpLedger ledger, StreakStore streaks, ProgressCache progressCache, IReviewScheduler reviews,
    QuestionRatings questionRatings, TimeProvider time)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<AttemptOutcome> RecordAsync(
        Guid userId, CatalogQuestion question, AnswerSubmission answer, GradeResult grade, int timeTakenMs, string idempotencyKey,
        CancellationToken cancellationToken, CodeJudgementResponse? code = null)
    {
        using var activity = LearningTelemetry.Source.StartActivity("attempt.record");
        activity?.SetTag("question.type", question.Entity.Type.ToString());
        activity?.SetTag("attempt.correct", grade.IsCorrect);
        var now = time.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Only the provider's lock clause is spliced in; the id is a parameter.
        var lockUser = $$"""SELECT "Xp", "TimeZoneId", "DailyXpGoal", "CurrentStreak", "LongestStreak", "LastActiveOn", "LastActiveTimeZoneId", "Rating" FROM users WHERE "Id" = {0}{{DbValues.RowLock(db)}}""";
        var user = (await db.Database.SqlQueryRaw<LearnerRow>(lockUser, userId).ToListAsync(cancellationToken)).SingleOrDefault();
        if (user is null)
        {
            return new AttemptOutcome(AttemptStatus.UnknownUser);
        }

        var attemptId = Guid.CreateVersion7();
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO question_attempts ("Id", "UserId", "QuestionId", "IdempotencyKey", "AnswerJson", "IsCorrect", "TimeTakenMs", "XpAwarded", "CreatedAt")
            VALUES ({attemptId}, {userId}, {question.Entity.Id}, {idempotencyKey}, {JsonSerializer.Serialize(answer, Json)}, {grade.IsCorrect}, {timeTakenMs}, 0, {DbValues.Instant(db, now)})
            ON CONFLICT ("UserId", "IdempotencyKey") DO NOTHING
            """, cancellationToken);
        if (claimed == 0)
        {
            // The first request with this key has committed (we waited on the user row), so its result is there.
            await transaction.RollbackAsync(cancellationToken);
            return await ReplayAsync(userId, question.Entity.Id, idempotencyKey, cancellationToken);
        }

        var streak = user.Streak;
        var day = StreakRules.LearnerDay(streak, user.TimeZoneId, now);
        var grant = grade.IsCorrect
            ? await ledger.AwardAsync(db, userId, question.Entity.Id, question.Entity.XpReward, day, now, cancellationToken)
            : XpGrant.None;
        var step = grant.Xp > 0 ? StreakRules.EarnXp(streak, user.TimeZoneId, now) : new StreakStep(day, streak, false);
        if (step.Changed)
        {
            await StreakStore.UpdateAsync(db, userId, streak, step.State, cancellationToken);
        }
        var todayXp = await RecordDayAsync(userId, day, grant.Xp, grade.IsCorrect, cancellationToken);

        var nextReview = await reviews.RecordAsync(db, new ReviewInput(userId, question.Entity, grade.IsCorrect, (int?)grade.Rating, timeTakenMs), now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var lesson = await ProgressTracker.RecordAsync(db, userId, question.Lesson, grade.IsCorrect, grade.IsCorrect && grant.FirstCorrect, now, cancellationToken);

        var totalXp = user.Xp + grant.Xp;
        var showAnswer = !grade.IsCorrect || question.Entity.Type == QuestionType.Flashcard;
        var result = new AttemptResult(
            attemptId, question.Entity.Id, question.Lesson.Id, grade.IsCorrect,
            showAnswer ? grade.ExpectedAnswer : null, grade.IsCorrect ? null : question.Entity.Explanation,
            grant.Xp, totalXp, LevelCurve.LevelFor(totalXp),
            StreakRules.CurrentOn(step.State, user.TimeZoneId, now), step.State.Longest,
            todayXp, user.DailyXpGoal, todayXp >= user.DailyXpGoal,
            lesson, nextReview, now, code);
        var resultJson = JsonSerializer.Serialize(result, Json);
        await db.QuestionAttempts.Where(a => a.Id == attemptId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.XpAwarded, grant.Xp)
            .SetProperty(a => a.ResultJson, resultJson), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        LearningTelemetry.Attempts.Add(1, new("question.type", question.Entity.Type.ToString()), new("correct", grade.IsCorrect));
        await progressCache.UpdateAsync(userId, question.Lesson.Id,
            new LessonCounts(lesson.Attempts, lesson.CorrectAttempts, lesson.QuestionsMastered, lesson.Score, lesson.Completed));
        if (step.Changed)
        {
            await streaks.CacheAsync(userId, step.State);
        }
        // After the commit and as one atomic UPDATE: a popular question's row must not be held locked for a whole attempt.
        await questionRatings.RecordAsync(db, question.Entity.Id, question.Entity.DifficultyRating, user.Rating, grade.IsCorrect, cancellationToken);
        if (grant.Xp > 0)
        {
            await ledger.PublishAsync(new XpAwarded(userId, question.Entity.Id, grant.Xp, totalXp, day, now), CancellationToken.None);
        }
        return new AttemptOutcome(AttemptStatus.Recorded, result);
    }

    /// <summary>The stored result of an earlier attempt with this key, or null when there is none yet.</summary>
    public async Task<AttemptOutcome?> TryReplayAsync(Guid userId, Guid questionId, string idempotencyKey, CancellationToken cancellationToken) =>
        await db.QuestionAttempts.AsNoTracking().AnyAsync(a => a.UserId == userId && a.IdempotencyKey == idempotencyKey, cancellationToken)
            ? await ReplayAsync(userId, questionId, idempotencyKey, cancellationToken)
            : null;

    /// <summary>The stored result of an earlier attempt with this key, if it was for this question.</summary>
    public async Task<AttemptOutcome> ReplayAsync(Guid userId, Guid questionId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var first = await db.QuestionAttempts.AsNoTracking()
            .Where(a => a.UserId == userId && a.IdempotencyKey == idempotencyKey)
            .Select(a => new { a.QuestionId, a.ResultJson })
            .SingleAsync(cancellationToken);
        if (first.QuestionId != questionId || first.ResultJson is null)
        {
            return new AttemptOutcome(AttemptStatus.KeyUsedForAnotherQuestion);
        }
        LearningTelemetry.Replays.Add(1);
        return new AttemptOutcome(AttemptStatus.Replayed, JsonSerializer.Deserialize<AttemptResult>(first.ResultJson, Json));
    }

    // One row per learner and day: a single upsert, returning the day's XP so far.
    private async Task<int> RecordDayAsync(Guid userId, DateOnly day, int xp, bool correct, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<int>($"""
            INSERT INTO daily_activity ("UserId", "Day", "Xp", "Answers", "CorrectAnswers")
            VALUES ({userId}, {day}, {xp}, 1, {(correct ? 1 : 0)})
            ON CONFLICT ("UserId", "Day") DO UPDATE SET
                "Xp" = daily_activity."Xp" + excluded."Xp",
                "Answers" = daily_activity."Answers" + 1,
                "CorrectAnswers" = daily_activity."CorrectAnswers" + excluded."CorrectAnswers"
            RETURNING "Xp" AS "Value"
            """).ToListAsync(cancellationToken)).Single();

    private sealed class LearnerRow
    {
        public long Xp { get; set; }
        public string TimeZoneId { get; set; } = "";
        public int DailyXpGoal { get; set; }
        public int CurrentStreak { get; set; }
        public int LongestStreak { get; set; }
        public DateOnly? LastActiveOn { get; set; }
        public string? LastActiveTimeZoneId { get; set; }
        public double Rating { get; set; }

        public StreakState Streak => new(CurrentStreak, LongestStreak, LastActiveOn, LastActiveTimeZoneId);
    }
}
