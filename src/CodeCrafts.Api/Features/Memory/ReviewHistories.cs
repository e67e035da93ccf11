using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Memory;

/// <summary>Review logs as the optimizer takes them: per item, in time order, with the most recent reviews held out.</summary>
internal sealed record ReviewHistories(IReadOnlyList<FitReview[]> Items, int Reviews, int HeldOut)
{
    private sealed record Row(Guid UserId, Guid QuestionId, int Rating, double ElapsedDays, DateTimeOffset ReviewedAt);

    public static async Task<ReviewHistories> OfLearnerAsync(CodeCraftsDbContext db, Guid userId, double heldOutShare, CancellationToken ct)
    {
        var rows = await db.ReviewLogs.AsNoTracking()
            .Where(l => l.UserId == userId)
            .Select(l => new Row(l.UserId, l.QuestionId, l.Rating, l.ElapsedDays, l.ReviewedAt))
            .ToListAsync(ct);
        return From(rows, heldOutShare);
    }

    /// <summary>Every learner's histories of the most recently reviewed items (at most <paramref name="maxItems"/>), whole.</summary>
    public static async Task<ReviewHistories> OfEveryoneAsync(CodeCraftsDbContext db, int maxItems, double heldOutShare, CancellationToken ct)
    {
        var items = db.ReviewLogs.GroupBy(l => new { l.UserId, l.QuestionId })
            .Select(g => new { g.Key.UserId, g.Key.QuestionId, Last = g.Max(l => l.ReviewedAt) })
            .OrderByDescending(i => i.Last).Take(maxItems);
        var rows = await db.ReviewLogs.AsNoTracking()
            .Join(items, l => new { l.UserId, l.QuestionId }, i => new { i.UserId, i.QuestionId }, (l, _) => l)
            .Select(l => new Row(l.UserId, l.QuestionId, l.Rating, l.ElapsedDays, l.ReviewedAt))
            .ToListAsync(ct);
        return From(rows, heldOutShare);
    }

    private static ReviewHistories From(List<Row> rows, double heldOutShare)
    {
        // Time order across the whole log decides what is held out: the newest reviews, as the scheduler will meet them.
        var ordered = rows.Where(r => r.Rating is >= 1 and <= 4 && double.IsFinite(r.ElapsedDays))
            .OrderBy(r => r.ReviewedAt).ThenBy(r => r.QuestionId).ToList();
        var heldFrom = (int)Math.Ceiling(ordered.Count * (1 - heldOutShare));
        var items = ordered
            .Select((r, index) => (Row: r, HeldOut: index >= heldFrom))
            .GroupBy(x => (x.Row.UserId, x.Row.QuestionId))
            .Select(g => g.Select(x => new FitReview(Math.Max(0, x.Row.ElapsedDays), (Rating)x.Row.Rating, x.HeldOut)).ToArray())
            .ToList();
        return new ReviewHistories(items, ordered.Count, ordered.Count - heldFrom);
    }
}
