using System.Security.Claims;
using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Lessons;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Progress;

internal static class ProgressApi
{
    public static WebApplicationBuilder AddProgress(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<XpLedger>();
        builder.Services.AddSingleton<ProgressCache>();
        return builder;
    }

    public static IEndpointRouteBuilder MapProgressApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/progress").WithTags("Progress").RequireAuthorization()
            .MapGet("/", ListProgress)
            .WithName("ListProgress")
            .WithSummary("The caller's progress per started lesson, most recently practised first")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        app.MapGroup("/api/users/me").WithTags("Progress").RequireAuthorization()
            .MapGet("/stats", StatsApi.GetStats)
            .WithName("GetMyStats")
            .WithSummary("The caller's XP, level, streaks, today's XP against the daily goal and the last 30 days")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    private static async Task<Ok<PagedResult<LessonProgress>>> ListProgress(
        [AsParameters] PageRequest page, ClaimsPrincipal principal, LessonCatalog catalog, CodeCraftsDbContext db, CancellationToken cancellationToken)
    {
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
                // Read live: reviews answered outside lessons move the due times too.
                NextReviewAt = db.ReviewItems
                    .Where(r => r.UserId == userId && r.Question!.LessonId == p.LessonId && !r.Question.IsRetired)
                    .Min(r => (DateTimeOffset?)r.DueAt),
            })
            .ToListAsync(cancellationToken);

        var lessons = (await catalog.GetAsync()).LessonsById;
        var result = items.Select(p => new LessonProgress(
            p.LessonId, p.Slug, p.Title, p.Language == ProgrammingLanguage.Cpp ? "cpp" : "python",
            p.Attempts, p.CorrectAttempts, p.Attempts == 0 ? 0 : Math.Round((double)p.CorrectAttempts / p.Attempts, 4),
            p.QuestionsMastered, lessons.GetValueOrDefault(p.LessonId)?.Questions.Count ?? p.QuestionsMastered, p.Score,
            p.IsCompleted, p.CompletedAt, p.LastAttemptAt, p.NextReviewAt)).ToList();
        return TypedResults.Ok(new PagedResult<LessonProgress>(result, page.Page, page.PageSize, total));
    }
}
