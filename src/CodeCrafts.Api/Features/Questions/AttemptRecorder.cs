using System.Text.Json;
using CodeCrafts.Api.Common;
using CodeCrafts.Api.Common.Limits;
using CodeCrafts.Api.Features.Attempts;
using CodeCrafts.Api.Features.Leagues;
using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Questions;

internal enum AttemptStatus
{
    Recorded,
    Replayed,
    KeyUsedForAnotherQuestion,
    UnknownUser,
    PartOfActiveDuel,
    TooManyAnswers,
}

internal sealed record AttemptOutcome(AttemptStatus Status, AttemptResult? Result = null, TimeSpan RetryAfter = default);

/// <summary>
/// Records a graded answer and everything it moves — attempt, XP, streak, daily activity, lesson progress, review
/// schedule — in one transaction of three round trips (<see cref="AnswerSql"/>): lock the learner's row and read,
/// write everything, commit. A learner's answers are serialised by that row lock, so different learners never wait on
/// each other, and a retry with the same idempotency key (even a concurrent one) waits for the first and then replays
/// its stored result. After the commit, one <see cref="AttemptRecorded"/> event reaches the caches, boards and ratings.
/// </summary>
internal sealed class AttemptRecorder(
    CodeCraftsDbContext db, AnswerRules rules, AttemptEvents events, ReviewsTelemetry reviews, IOptions<LeagueOptions> leagues,
    IOptions<RateLimitOptions> limits, TimeProvider time)
{
    public async Task<AttemptOutcome> RecordAsync(AnswerInput input, CancellationToken cancellationToken)
    {
        using var activity = LearningTelemetry.Source.StartActivity("attempt.record");
        activity?.SetTag("question.type", input.Question.Entity.Type.ToString());
        activity?.SetTag("attempt.correct", input.Grade.IsCorrect);
        try
        {
            return await RecordOnceAsync(input, cancellationToken);
        }
        catch (Exception ex) when (ex.IsUniqueViolation())
        {
            // Only a writer that does not take the learner's lock can get here (a duel answer under a key the learner
            // chose by hand): the transaction rolled back, and a second run reads what that writer committed.
            return await RecordOnceAsync(input, cancellationToken);
        }
    }

    private async Task<AttemptOutcome> RecordOnceAsync(AnswerInput input, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        AnswerDecision decision;
        AnswerState state;
        LeagueStep? league;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var perLearner = limits.Value.AttemptsPerLearner;
            if (await AnswerSql.ReadAsync(db, input, now, perLearner.Window, perLearner.PermitLimit, cancellationToken) is not { } read)
            {
                return new AttemptOutcome(AttemptStatus.UnknownUser);
            }
            state = read;
            if (state.FairPlay.InActiveDuel)
            {
                // Fair play: a practice reply (even a replayed one) would show the answer of a question the learner is
                // playing in a duel. Nothing is written; the transaction rolls back.
                return new AttemptOutcome(AttemptStatus.PartOfActiveDuel);
            }
            if (state.Existing is { } existing)
            {
                // The first request with this key has committed (we waited on the learner's row), so its result is there.
                return Replay(existing, input.Question.Entity.Id);
            }
            if (state.FairPlay.RecentAttempts >= perLearner.PermitLimit)
            {
                // A retry above is still answered: only a new answer counts against the limit. Nothing is written.
                var frees = (state.FairPlay.OldestRecentAttemptAt ?? now) + perLearner.Window - now;
                return new AttemptOutcome(AttemptStatus.TooManyAnswers, RetryAfter: frees > TimeSpan.Zero ? frees : TimeSpan.FromSeconds(1));
            }
            decision = rules.Decide(input, state, now);
            league = await AnswerSql.WriteAsync(db, input, decision, leagues.Value.CohortSize, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        LearningTelemetry.Attempts.Add(1, new("question.type", input.Question.Entity.Type.ToString()), new("correct", input.Grade.IsCorrect));
        if (decision.Xp > 0)
        {
            LearningTelemetry.XpAwarded.Add(decision.Xp);
        }
        reviews.Recorded(decision.Rating, decision.Review);
        await events.PublishAsync(Recorded(input, state, decision, league));
        return new AttemptOutcome(AttemptStatus.Recorded, decision.Result);
    }

    private static AttemptRecorded Recorded(AnswerInput input, AnswerState state, AnswerDecision decision, LeagueStep? league)
    {
        var result = decision.Result;
        var streak = decision.Streak.Changed ? decision.Streak.State : null;
        return new AttemptRecorded(
            result.AttemptId, input.UserId, result.QuestionId, result.LessonId, result.Correct, result.AnsweredAt,
            new XpTotals(decision.Xp, result.TotalXp, decision.WeekXp),
            decision.Progress,
            streak is null ? null : new StreakSnapshot(streak.Current, streak.Longest, streak.LastActiveOn, streak.LastActiveTimeZoneId, streak.Freezes, streak.FreezesUsed),
            state.Learner.Rating,
            league is null ? null : new LeagueSnapshot(league.Week, league.Tier, league.Cohort, league.Xp, league.ReachedAt));
    }

    /// <summary>The stored result of an earlier attempt with this key, or null when there is none yet.</summary>
    public async Task<AttemptOutcome?> TryReplayAsync(Guid userId, Guid questionId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var first = await db.QuestionAttempts.AsNoTracking()
            .Where(a => a.UserId == userId && a.IdempotencyKey == idempotencyKey)
            .Select(a => new StoredAttempt(a.QuestionId, a.ResultJson))
            .SingleOrDefaultAsync(cancellationToken);
        return first is null ? null : Replay(first, questionId);
    }

    private static AttemptOutcome Replay(StoredAttempt first, Guid questionId)
    {
        if (first.QuestionId != questionId || first.ResultJson is null)
        {
            return new AttemptOutcome(AttemptStatus.KeyUsedForAnotherQuestion);
        }
        LearningTelemetry.Replays.Add(1);
        return new AttemptOutcome(AttemptStatus.Replayed, JsonSerializer.Deserialize<AttemptResult>(first.ResultJson, StoredAnswers.Json));
    }
}
