using CodeCrafts.Api.Common;
using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Questions;

/// <summary>
/// Applies answers to their questions' difficulty ratings, exactly once: every attempt is stored with
/// <c>RatingPending</c>, and one transaction both clears that flag (only where it is still set, so two replicas never
/// both apply an answer) and moves the ratings by the answers it cleared.
/// </summary>
internal sealed class QuestionRatingStore(CodeCraftsDbContext db, IOptions<QuestionRatingOptions> options)
{
    public const int BatchSize = 256;

    /// <summary>The oldest answers still waiting for their rating update.</summary>
    public Task<List<Guid>> PendingAsync(CancellationToken ct) =>
        db.QuestionAttempts.AsNoTracking().Where(a => a.RatingPending).OrderBy(a => a.CreatedAt).Select(a => a.Id).Take(BatchSize).ToListAsync(ct);

    /// <returns>How many of <paramref name="attemptIds"/> this call applied (the rest were applied before, or are unknown).</returns>
    public async Task<int> ApplyAsync(IReadOnlyCollection<Guid> attemptIds, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await ClaimAsync(attemptIds, ct);
        if (claimed.Count == 0)
        {
            return 0;
        }
        var userIds = claimed.Select(c => c.UserId).Distinct().ToList();
        var questionIds = claimed.Select(c => c.QuestionId).Distinct().ToList();
        var learners = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Rating, ct);
        var start = await db.Questions.AsNoTracking().Where(q => questionIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.DifficultyRating, ct);

        // One after the other, as if each answer had updated the question on its own; written as one relative UPDATE per
        // question, so a concurrent writer's change to the same rating is added to, never overwritten.
        var current = new Dictionary<Guid, double>(start);
        foreach (var answer in claimed)
        {
            var rating = current[answer.QuestionId];
            current[answer.QuestionId] = rating + QuestionRatings.Delta(rating, learners.GetValueOrDefault(answer.UserId, 1500), answer.IsCorrect, options.Value.K);
        }
        var updates = new SqlBatch(db);
        foreach (var (questionId, rating) in current.Where(c => c.Value != start[c.Key]))
        {
            updates.Add("""UPDATE questions SET "DifficultyRating" = "DifficultyRating" + {1} WHERE "Id" = {0}""", questionId, rating - start[questionId]);
        }
        if (updates.Count > 0)
        {
            await updates.ExecuteAsync(ct);
        }
        await transaction.CommitAsync(ct);
        LearningTelemetry.RatingsApplied.Add(claimed.Count);
        return claimed.Count;
    }

    // One UPDATE … RETURNING on PostgreSQL: the row locks make a concurrent claim of the same answer wait, then find the
    // flag cleared. SQLite (no arrays) claims row by row; it serialises writers anyway.
    private async Task<List<ClaimedAnswer>> ClaimAsync(IReadOnlyCollection<Guid> attemptIds, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            return (await db.Database.SqlQueryRaw<ClaimedAnswer>("""
                UPDATE question_attempts SET "RatingPending" = FALSE
                WHERE "Id" = ANY({0}) AND "RatingPending"
                RETURNING "UserId", "QuestionId", "IsCorrect", "CreatedAt"
                """, attemptIds.ToArray()).ToListAsync(ct)).OrderBy(c => c.CreatedAt).ToList();
        }
        var claimed = new List<ClaimedAnswer>();
        foreach (var id in attemptIds)
        {
            var row = await db.QuestionAttempts.AsNoTracking().Where(a => a.Id == id && a.RatingPending)
                .Select(a => new ClaimedAnswer { UserId = a.UserId, QuestionId = a.QuestionId, IsCorrect = a.IsCorrect, CreatedAt = a.CreatedAt })
                .SingleOrDefaultAsync(ct);
            if (row is not null && await db.QuestionAttempts.Where(a => a.Id == id && a.RatingPending)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.RatingPending, false), ct) == 1)
            {
                claimed.Add(row);
            }
        }
        return claimed.OrderBy(c => c.CreatedAt).ToList();
    }

    private sealed class ClaimedAnswer
    {
        public Guid UserId { get; set; }
        public Guid QuestionId { get; set; }
        public bool IsCorrect { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
    }
}
