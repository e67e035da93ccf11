using System.Security.Claims;
using CodeCrafts.Api.Common;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CodeCrafts.Api.Features.Reviews;

/// <summary>The review queue. Answering a review goes through the normal attempt endpoint.</summary>
internal static class ReviewsApi
{
    public static async Task<Results<Ok<DueReviews>, ValidationProblem>> GetDueReviews(
        [AsParameters] DueReviewsFilter query,
        [AsParameters] PageRequest page,
        ClaimsPrincipal principal,
        CodeCraftsDbContext db,
        ReviewPlanner planner,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        ProgrammingLanguage? language = null;
        if (query.Language is { } name)
        {
            // Names only: Enum.TryParse would also take "0" or "1".
            language = name.Equals("python", StringComparison.OrdinalIgnoreCase) ? ProgrammingLanguage.Python
                : name.Equals("cpp", StringComparison.OrdinalIgnoreCase) ? ProgrammingLanguage.Cpp
                : null;
            if (language is null)
            {
                errors["language"] = ["language must be python or cpp."];
            }
        }
        Guid? lessonId = null;
        if (query.LessonId is { } id)
        {
            if (Guid.TryParse(id, out var parsed))
            {
                lessonId = parsed;
            }
            else
            {
                errors["lessonId"] = ["lessonId must be a lesson id (a GUID)."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        using var activity = ReviewsTelemetry.Source.StartActivity("reviews.due");
        var userId = principal.GetUserId();
        // The learner's own model: ranked by the recall their next review will be scheduled with.
        var fsrs = await LearnerModels.FsrsForAsync(db, planner, userId, cancellationToken);
        var due = await ReviewQueries.DueAsync(db, fsrs, userId, language, lessonId, page, time.GetUtcNow(), cancellationToken);
        activity?.SetTag("reviews.due", due.Due.Total);
        return TypedResults.Ok(due);
    }
}
