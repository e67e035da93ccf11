using CodeCrafts.Api.Common;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Reviews;

/// <summary>
/// Read side of the review feature. Retrievability depends on the time since each item's last review, so it is
/// computed here with <see cref="Fsrs"/> rather than in SQL; a learner has at most one item per curriculum question,
/// which keeps the rows read per request small (hundreds) however many learners there are.
/// </summary>
public static class ReviewQueries
{
    /// <summary>Per lesson the learner has review items in: item count, due count, next review time, average recall now.</summary>
    /// <param name="fsrs">The learner's model (<see cref="LearnerModels.FsrsForAsync"/>).</param>
    public static async Task<IReadOnlyDictionary<Guid, LessonReviewSummary>> LessonSummariesAsync(
        CodeCraftsDbContext db, Fsrs fsrs, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(fsrs);
        var rows = await Visible(db, userId)
            .Select(r => new { r.Question!.LessonId, r.Stability, r.Difficulty, r.LastReviewAt, r.DueAt })
            .ToListAsync(cancellationToken);

        return rows
            .GroupBy(r => r.LessonId)
            .ToDictionary(
                g => g.Key,
                g => new LessonReviewSummary(
                    g.Key,
                    g.Count(),
                    g.Count(r => r.DueAt <= now),
                    g.Min(r => r.DueAt),
                    g.Average(r => Recall(fsrs, r.Stability, r.Difficulty, r.LastReviewAt, now))));
    }

    internal static async Task<DueReviews> DueAsync(
        CodeCraftsDbContext db, Fsrs fsrs, Guid userId, ProgrammingLanguage? language, Guid? lessonId, PageRequest page,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = Visible(db, userId);
        if (language is { } lang)
        {
            items = items.Where(r => r.Question!.Lesson!.Language == lang);
        }
        if (lessonId is { } lesson)
        {
            items = items.Where(r => r.Question!.LessonId == lesson);
        }

        var due = (await items
                .Where(r => r.DueAt <= now)
                .Select(r => new { r.QuestionId, r.Stability, r.Difficulty, r.LastReviewAt, r.DueAt })
                .ToListAsync(cancellationToken))
            .Select(r => (r.QuestionId, r.DueAt, Recall: Recall(fsrs, r.Stability, r.Difficulty, r.LastReviewAt, now)))
            .OrderBy(r => r.Recall).ThenBy(r => r.DueAt).ThenBy(r => r.QuestionId)
            .ToList();
        var pageRows = due.Skip(page.Skip).Take(page.PageSize).ToList();
        var pageIds = pageRows.Select(r => r.QuestionId).ToList();

        var details = await db.ReviewItems
            .Where(r => r.UserId == userId && pageIds.Contains(r.QuestionId))
            .Select(r => new
            {
                r.QuestionId,
                r.Question!.LessonId,
                LessonTitle = r.Question.Lesson!.Title,
                r.Question.Lesson.Language,
                r.Question.Type,
                r.Question.Prompt,
                r.State,
                r.Lapses,
            })
            .ToDictionaryAsync(r => r.QuestionId, cancellationToken);

        var timeZone = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
        var endOfToday = LearnerDay.EndOfToday(now, LearnerDay.Zone(timeZone));
        var upcoming = items.Where(r => r.DueAt > now);
        var dueLaterToday = await upcoming.CountAsync(r => r.DueAt < endOfToday, cancellationToken);
        var nextDueAt = await upcoming.OrderBy(r => r.DueAt).Select(r => (DateTimeOffset?)r.DueAt).FirstOrDefaultAsync(cancellationToken);

        var reviews = pageRows
            .Where(r => details.ContainsKey(r.QuestionId))
            .Select(r =>
            {
                var d = details[r.QuestionId];
                return new DueReview(r.QuestionId, d.LessonId, d.LessonTitle, d.Language, d.Type, PromptSummary.Of(d.Prompt), r.DueAt, r.Recall, d.State, d.Lapses);
            })
            .ToList();
        return new DueReviews(new PagedResult<DueReview>(reviews, page.Page, page.PageSize, due.Count), dueLaterToday, nextDueAt);
    }

    /// <summary>The learner's items whose questions learners can still see.</summary>
    private static IQueryable<ReviewItem> Visible(CodeCraftsDbContext db, Guid userId) =>
        db.ReviewItems.AsNoTracking().Where(r => r.UserId == userId && !r.Question!.IsRetired && r.Question.Lesson!.IsPublished);

    private static double Recall(Fsrs fsrs, double stability, double difficulty, DateTimeOffset lastReviewAt, DateTimeOffset now) =>
        fsrs.Retrievability(new MemoryState(stability, difficulty), (now - lastReviewAt).TotalDays);
}
