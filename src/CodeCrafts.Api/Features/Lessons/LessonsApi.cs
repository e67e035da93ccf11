using System.Security.Claims;
using CodeCrafts.Api.Common;
using CodeCrafts.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Lessons;

internal static class LessonsApi
{
    public static async Task<Ok<PagedResult<LessonSummary>>> ListLessons(
        [AsParameters] LessonFilter filter, [AsParameters] PageRequest page, ClaimsPrincipal principal,
        LessonCatalog catalog, ILearnerLessonCounts learnerCounts, CancellationToken cancellationToken)
    {
        var lessons = (await catalog.GetAsync()).Lessons
            .Where(l => filter.Language is null || l.LanguageName == filter.Language)
            .Where(l => filter.Difficulty is null || l.Difficulty == filter.Difficulty)
            .ToList();
        var pageOfLessons = lessons.Skip(page.Skip).Take(page.PageSize).ToList();
        var counts = pageOfLessons.Count == 0
            ? new Dictionary<Guid, LessonCounts>()
            : await learnerCounts.ForLearnerAsync(principal.GetUserId(), cancellationToken);

        var items = pageOfLessons.Select(l => new LessonSummary(
            l.Id, l.Slug, l.Title, l.Summary, l.LanguageName, l.Difficulty, l.XpReward, l.Order, l.Questions.Count,
            counts.GetValueOrDefault(l.Id)?.ToSummary(l.Questions.Count) ?? LessonProgressSummary.NotStarted(l.Questions.Count))).ToList();
        return TypedResults.Ok(new PagedResult<LessonSummary>(items, page.Page, page.PageSize, lessons.Count));
    }

    public static async Task<Results<Ok<LessonDetail>, ProblemHttpResult>> GetLesson(
        Guid id, ClaimsPrincipal principal, LessonCatalog catalog, CodeCraftsDbContext db, CancellationToken cancellationToken)
    {
        if (!(await catalog.GetAsync()).LessonsById.TryGetValue(id, out var lesson))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Lesson not found",
                detail: $"There is no published lesson with id {id}.");
        }
        var userId = principal.GetUserId();
        var progress = await db.Progress.AsNoTracking()
            .Where(p => p.UserId == userId && p.LessonId == id)
            .Select(p => new LessonCounts(p.Attempts, p.CorrectAttempts, p.QuestionsMastered, p.Score, p.IsCompleted))
            .SingleOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new LessonDetail(
            lesson.Id, lesson.Slug, lesson.Title, lesson.Summary, lesson.LanguageName, lesson.Difficulty, lesson.XpReward, lesson.Order,
            progress?.ToSummary(lesson.Questions.Count) ?? LessonProgressSummary.NotStarted(lesson.Questions.Count),
            lesson.Questions.Select(q => q.View).ToList()));
    }
}
