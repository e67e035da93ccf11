using System.Security.Claims;
using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Progress;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Lessons;

internal static class LessonsApi
{
    public static WebApplicationBuilder AddLessons(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<LessonCatalog>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLessonsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/lessons").WithTags("Lessons").RequireAuthorization();

        group.MapGet("/", ListLessons)
            .WithName("ListLessons")
            .WithSummary("The catalogue: published lessons ordered by language (Python, then C++) and order, with the caller's progress")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/{id:guid}", GetLesson)
            .WithName("GetLesson")
            .WithSummary("A lesson with its questions in order, without answers")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<PagedResult<LessonSummary>>> ListLessons(
        [AsParameters] LessonFilter filter, [AsParameters] PageRequest page, ClaimsPrincipal principal,
        LessonCatalog catalog, ProgressCache progressCache, CodeCraftsDbContext db, CancellationToken cancellationToken)
    {
        var lessons = (await catalog.GetAsync()).Lessons
            .Where(l => filter.Language is null || l.LanguageName == filter.Language)
            .Where(l => filter.Difficulty is null || l.Difficulty == filter.Difficulty)
            .ToList();
        var pageOfLessons = lessons.Skip(page.Skip).Take(page.PageSize).ToList();
        var progress = pageOfLessons.Count == 0
            ? []
            : await ProgressOfAsync(progressCache, db, principal.GetUserId(), cancellationToken);

        var items = pageOfLessons.Select(l => new LessonSummary(
            l.Id, l.Slug, l.Title, l.Summary, l.LanguageName, l.Difficulty, l.XpReward, l.Order, l.Questions.Count,
            progress.GetValueOrDefault(l.Id)?.ToSummary(l.Questions.Count) ?? LessonProgressSummary.NotStarted(l.Questions.Count))).ToList();
        return TypedResults.Ok(new PagedResult<LessonSummary>(items, page.Page, page.PageSize, lessons.Count));
    }

    private static async Task<Results<Ok<LessonDetail>, ProblemHttpResult>> GetLesson(
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
            .SingleOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new LessonDetail(
            lesson.Id, lesson.Slug, lesson.Title, lesson.Summary, lesson.LanguageName, lesson.Difficulty, lesson.XpReward, lesson.Order,
            Summarize(progress, lesson.Questions.Count),
            lesson.Questions.Select(q => q.View).ToList()));
    }

    // The most read page: Redis answers when it can, PostgreSQL fills it when it cannot.
    private static async Task<Dictionary<Guid, LessonCounts>> ProgressOfAsync(
        ProgressCache cache, CodeCraftsDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(userId) is { } cached)
        {
            return cached;
        }
        var stored = await db.Progress.AsNoTracking()
            .Where(p => p.UserId == userId)
            .ToDictionaryAsync(p => p.LessonId, p => new LessonCounts(p.Attempts, p.CorrectAttempts, p.QuestionsMastered, p.Score, p.IsCompleted), cancellationToken);
        await cache.FillAsync(userId, stored);
        return stored;
    }

    internal static LessonProgressSummary Summarize(Data.Entities.Progress? progress, int questionCount) => progress is null
        ? LessonProgressSummary.NotStarted(questionCount)
        : new LessonProgressSummary(progress.Attempts, progress.CorrectAttempts, progress.QuestionsMastered, questionCount, progress.Score, progress.IsCompleted);
}
