using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Reviews;

/// <summary>
/// Records an attempt as a review: creates or updates the learner's <see cref="ReviewItem"/> with its next FSRS
/// state and due time, and appends a <see cref="ReviewLog"/>. Runs inside the caller's transaction; the caller saves.
/// </summary>
public sealed class ReviewScheduler(ReviewPlanner planner, ReviewsTelemetry telemetry) : IReviewScheduler
{
    public async Task<DateTimeOffset> RecordAsync(CodeCraftsDbContext db, ReviewInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        using var activity = ReviewsTelemetry.Source.StartActivity("reviews.record");
        now = now.ToUniversalTime(); // timestamptz stores UTC only
        var questionId = input.Question.Id;

        await LockItemAsync(db, input.UserId, questionId, cancellationToken);
        var item = await db.ReviewItems.SingleOrDefaultAsync(r => r.UserId == input.UserId && r.QuestionId == questionId, cancellationToken);

        var rating = ReviewRatings.From(input);
        var stateBefore = item?.State ?? ReviewState.Learning;
        var plan = planner.Plan(item, rating, input.UserId, questionId, now);

        if (item is null)
        {
            item = new ReviewItem { UserId = input.UserId, QuestionId = questionId };
            db.ReviewItems.Add(item);
        }
        item.State = plan.State;
        item.Step = plan.Step;
        item.Stability = plan.Memory.Stability;
        item.Difficulty = plan.Memory.Difficulty;
        item.Reps = plan.Reps;
        item.Lapses = plan.Lapses;
        item.LastReviewAt = now;
        item.DueAt = plan.DueAt;

        db.ReviewLogs.Add(new ReviewLog
        {
            UserId = input.UserId,
            QuestionId = questionId,
            Rating = (int)rating,
            StateBefore = stateBefore,
            ElapsedDays = plan.ElapsedDays,
            ScheduledDays = plan.ScheduledDays,
            Stability = plan.Memory.Stability,
            Difficulty = plan.Memory.Difficulty,
            ReviewedAt = now,
        });

        activity?.SetTag("review.rating", rating.ToString());
        activity?.SetTag("review.state", plan.State.ToString());
        activity?.SetTag("review.scheduled_days", plan.ScheduledDays);
        telemetry.Recorded(rating, plan);
        return plan.DueAt;
    }

    /// <summary>
    /// Two attempts at one question at once must apply one after the other, not both to the same old state (nor both
    /// insert the first item). A row lock cannot cover a row that does not exist yet, so this takes a transaction-scoped
    /// advisory lock on the (learner, question) pair; it is released when the caller's transaction ends.
    /// SQLite serialises writers itself; the xmin token on PostgreSQL still guards callers without a transaction.
    /// </summary>
    private static async Task LockItemAsync(CodeCraftsDbContext db, Guid userId, Guid questionId, CancellationToken cancellationToken)
    {
        if (db.Provider != DatabaseProvider.Postgres)
        {
            return;
        }
        var key = LockKey(userId, questionId);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
    }

    /// <summary>Stable across processes (unlike string hash codes), so every replica takes the same lock.</summary>
    internal static long LockKey(Guid userId, Guid questionId)
    {
        Span<byte> bytes = stackalloc byte[32];
        userId.TryWriteBytes(bytes[..16]);
        questionId.TryWriteBytes(bytes[16..]);
        return BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..16]) * 31
            ^ BitConverter.ToInt64(bytes[16..24]) * 17 ^ BitConverter.ToInt64(bytes[24..]);
    }
}
