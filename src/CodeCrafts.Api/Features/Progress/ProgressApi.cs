using System.Security.Claims;
using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Lessons;
using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Progress;

/// <summary>What the progress list reads from.</summary>
internal readonly record struct ProgressServices(LessonCatalog Catalog, CodeCraftsDbContext Db, ReviewPlanner Planner, TimeProvider Time);

internal static class ProgressApi
{
    public static async Task<Ok<PagedResult<LessonProgress>>> ListProgress(
        [AsParameters] PageRequest page, ClaimsPrincipal principal, [AsParameters] ProgressServices services, CancellationToken cancellationToken)
    {
        var (catalog, db, planner, time) = services;
        var userId = principal.GetUserId();
        var rows = db.Progress.AsNoTracking().Where(p => p.UserId == userId);
        var total = await rows.LongCountAsync(cancellationToken);
        var items = await rows
            .OrderByDescending(p => p.LastAttemptAt).ThenBy(p => p.LessonId)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(p => new
            {
                p.LessonId, p.Lesson!.Slug, p.Lesson.Title, p.Lesson.Language,
                p.Attempts, p.CorrectAttempts, p.QuestionsMastered, p.Score, p.IsCompleted, p.CompletedAt, p.LastAttemptAt,
            })
            .ToListAsync(cancellationToken);
        // Read live, not from the progress row: reviews answered outside lessons move due times and recall too.
        var fsrs = await LearnerModels.FsrsForAsync(db, planner, userId, cancellationToken);
        var reviews = await ReviewQueries.LessonSummariesAsync(db, fsrs, userId, time.GetUtcNow(), cancellationToken);

        var lessons = (await catalog.GetAsync()).LessonsById;
        var result = items.Select(p => new LessonProgress(
            p.LessonId, p.Slug, p.Title, p.Language == ProgrammingLanguage.Cpp ? "cpp" : "python",
            p.Attempts, p.CorrectAttempts, p.Attempts == 0 ? 0 : Math.Round((double)p.CorrectAttempts / p.Attempts, 4),
            p.QuestionsMastered, lessons.GetValueOrDefault(p.LessonId)?.Questions.Count ?? p.QuestionsMastered, p.Score,
            p.IsCompleted, p.CompletedAt, p.LastAttemptAt,
            reviews.GetValueOrDefault(p.LessonId)?.NextReviewAt,
            reviews.GetValueOrDefault(p.LessonId)?.Due ?? 0,
            reviews.GetValueOrDefault(p.LessonId)?.AverageRetrievability)).ToList();
        return TypedResults.Ok(new PagedResult<LessonProgress>(result, page.Page, page.PageSize, total));
    }
}
