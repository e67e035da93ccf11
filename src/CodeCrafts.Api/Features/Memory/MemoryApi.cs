using System.Security.Claims;
using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Memory;

/// <summary>The caller's own memory model; the id always comes from the token.</summary>
internal static class MemoryApi
{
    public static async Task<Results<Ok<MemorySettings>, ProblemHttpResult>> GetMine(
        ClaimsPrincipal principal, CodeCraftsDbContext db, ReviewPlanner planner, IOptions<MemoryOptions> options, CancellationToken ct)
    {
        var userId = principal.GetUserId();
        return await db.Users.AnyAsync(u => u.Id == userId, ct)
            ? TypedResults.Ok(await ReadAsync(db, planner, options.Value, userId, ct))
            : UserGone();
    }

    public static async Task<Results<Ok<MemorySettings>, ProblemHttpResult>> UpdateMine(
        UpdateMemoryRequest request, ClaimsPrincipal principal, CodeCraftsDbContext db, ReviewPlanner planner,
        IOptions<MemoryOptions> options, CancellationToken ct)
    {
        var userId = principal.GetUserId();
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return UserGone();
        }
        // Only the retention column: a nightly fit writing the weights at the same moment keeps its write, and so does this.
        await MemorySql.ExecuteAsync(db, """
            INSERT INTO learner_memory ("UserId", "DesiredRetention", "ReviewsUsed") VALUES ({0}, {1}, 0)
            ON CONFLICT ("UserId") DO UPDATE SET "DesiredRetention" = excluded."DesiredRetention"
            """, ct, userId, request.DesiredRetention!.Value);
        return TypedResults.Ok(await ReadAsync(db, planner, options.Value, userId, ct));
    }

    private static async Task<MemorySettings> ReadAsync(CodeCraftsDbContext db, ReviewPlanner planner, MemoryOptions options, Guid userId, CancellationToken ct)
    {
        var mine = await db.LearnerMemory.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == userId, ct);
        var global = await LearnerModels.LatestGlobalFit(db).FirstOrDefaultAsync(ct);
        var reviews = await db.ReviewLogs.CountAsync(l => l.UserId == userId, ct);
        var model = new LearnerModel(mine?.Weights, global?.GlobalWeights, mine?.DesiredRetention);
        var fsrs = planner.FsrsFor(model);
        return model.Source switch
        {
            WeightsSource.Personal => new MemorySettings(WeightsSource.Personal, mine!.LogLoss, mine.PreviousLogLoss, mine.ReviewsUsed,
                mine.FittedAt, fsrs.DesiredRetention, reviews, options.PersonalMinReviews, fsrs.Weights),
            WeightsSource.Global => new MemorySettings(WeightsSource.Global, global!.GlobalLogLoss, global.GlobalPreviousLogLoss,
                global.GlobalReviewsUsed, global.CompletedAt, fsrs.DesiredRetention, reviews, options.PersonalMinReviews, fsrs.Weights),
            _ => new MemorySettings(WeightsSource.Default, null, null, null, null, fsrs.DesiredRetention, reviews, options.PersonalMinReviews, fsrs.Weights),
        };
    }

    // Only reachable when the account is deleted between token validation and the query.
    private static ProblemHttpResult UserGone() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "User not found", detail: "The account no longer exists.");
}
