using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Reviews;

/// <summary>
/// Reads one learner's <see cref="LearnerModel"/> for the read endpoints, so the recall they show and rank by is the
/// recall the scheduler plans with (the answer path reads the same columns inside its own batch).
/// </summary>
internal static class LearnerModels
{
    public static async Task<Fsrs> FsrsForAsync(CodeCraftsDbContext db, ReviewPlanner planner, Guid userId, CancellationToken ct)
    {
        var mine = await db.LearnerMemory.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Select(m => new { m.Weights, m.DesiredRetention })
            .SingleOrDefaultAsync(ct);
        var global = await LatestGlobalFit(db).Select(r => r.GlobalWeights).FirstOrDefaultAsync(ct);
        return planner.FsrsFor(new LearnerModel(mine?.Weights, global, mine?.DesiredRetention));
    }

    /// <summary>The nights whose fit produced global weights, newest first: the first one's are in force.</summary>
    public static IQueryable<MemoryFitRun> LatestGlobalFit(CodeCraftsDbContext db) =>
        db.MemoryFitRuns.AsNoTracking().Where(r => r.GlobalWeights != null).OrderByDescending(r => r.Night);
}
