using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Memory;

/// <param name="Ran">False when tonight's run was already claimed (by this or another replica).</param>
internal sealed record MemoryFitReport(bool Ran, DateOnly Night, bool GlobalImproved, int LearnersChecked, int LearnersImproved);

/// <summary>
/// One night's fit: global weights across everyone's reviews, then personal weights for each learner with enough of
/// their own. The night's row in memory_fit_runs is claimed first with one INSERT … ON CONFLICT: whichever replica's
/// insert wins fits, every other replica's claim changes no row and it stops. A claim whose replica died is taken over
/// after <see cref="MemoryOptions.ClaimTimeout"/>.
/// </summary>
internal sealed partial class MemoryFitter(
    CodeCraftsDbContext db, ReviewPlanner planner, IOptions<MemoryOptions> options, TimeProvider time, ILogger<MemoryFitter> logger)
{
    private static readonly string Replica = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly MemoryOptions _options = options.Value;

    public static DateOnly NightOf(DateTimeOffset now, TimeSpan fitTimeUtc) => DateOnly.FromDateTime((now - fitTimeUtc).UtcDateTime);

    public async Task<MemoryFitReport> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var night = NightOf(now, _options.FitTimeUtc);
        var claimedBy = $"{Replica}:{Guid.NewGuid():N}";
        if (!await ClaimAsync(night, claimedBy, now, ct))
        {
            return new MemoryFitReport(false, night, false, 0, 0);
        }

        var global = await FitGlobalAsync(ct);
        var globalWeights = global is { Beats: true } ? global.Weights : await CurrentGlobalAsync(ct);
        var (checkedCount, improved) = await FitLearnersAsync(globalWeights ?? planner.Fsrs.Weights, now, ct);

        await ExecuteAsync("""
            UPDATE memory_fit_runs SET "CompletedAt" = {2}, "GlobalWeights" = {3}, "GlobalReviewsUsed" = {4}, "GlobalLogLoss" = {5},
                "GlobalPreviousLogLoss" = {6}, "LearnersChecked" = {7}, "LearnersImproved" = {8}
            WHERE "Night" = {0} AND "ClaimedBy" = {1}
            """, ct, night, claimedBy, time.GetUtcNow(), global is { Beats: true } ? WeightsText.Format(global.Weights) : null,
            global?.Reviews ?? 0, global?.LogLoss, global?.CurrentLogLoss, checkedCount, improved);
        LogRun(logger, night, global?.Beats == true, checkedCount, improved);
        return new MemoryFitReport(true, night, global?.Beats == true, checkedCount, improved);
    }

    private async Task<bool> ClaimAsync(DateOnly night, string claimedBy, DateTimeOffset now, CancellationToken ct) =>
        await ExecuteAsync("""
            INSERT INTO memory_fit_runs ("Night", "ClaimedAt", "ClaimedBy", "GlobalReviewsUsed", "LearnersChecked", "LearnersImproved")
            VALUES ({0}, {1}, {2}, 0, 0, 0)
            ON CONFLICT ("Night") DO UPDATE SET "ClaimedAt" = excluded."ClaimedAt", "ClaimedBy" = excluded."ClaimedBy"
            WHERE memory_fit_runs."CompletedAt" IS NULL AND memory_fit_runs."ClaimedAt" < {3}
            """, ct, night, now, claimedBy, now - _options.ClaimTimeout) == 1;

    private async Task<double[]?> CurrentGlobalAsync(CancellationToken ct) =>
        WeightsText.TryParse(await db.MemoryFitRuns.AsNoTracking()
            .Where(r => r.GlobalWeights != null).OrderByDescending(r => r.Night)
            .Select(r => r.GlobalWeights).FirstOrDefaultAsync(ct));

    private async Task<FitVerdict?> FitGlobalAsync(CancellationToken ct)
    {
        var log = await ReviewHistories.OfEveryoneAsync(db, _options.GlobalMaxItems, _options.HeldOutShare, ct);
        if (log.Reviews < _options.GlobalMinReviews)
        {
            return null;
        }
        var current = await CurrentGlobalAsync(ct) ?? [.. planner.Fsrs.Weights];
        return FsrsOptimizer.Judge(log.Items, current, _options.FitSteps, ct);
    }

    private async Task<(int Checked, int Improved)> FitLearnersAsync(IReadOnlyList<double> globalWeights, DateTimeOffset now, CancellationToken ct)
    {
        var min = _options.PersonalMinReviews;
        var learners = await db.ReviewLogs.GroupBy(l => l.UserId)
            .Where(g => g.Count() >= min)
            .Select(g => g.Key)
            .ToListAsync(ct);
        var (checkedCount, improved) = (0, 0);
        foreach (var userId in learners)
        {
            var memory = await db.LearnerMemory.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == userId, ct);
            // Nothing new since the last look: the same log would give the same verdict.
            if (memory?.CheckedAt is { } last && !await db.ReviewLogs.AnyAsync(l => l.UserId == userId && l.ReviewedAt > last, ct))
            {
                continue;
            }
            checkedCount++;
            var log = await ReviewHistories.OfLearnerAsync(db, userId, _options.HeldOutShare, ct);
            var current = WeightsText.TryParse(memory?.Weights) ?? globalWeights;
            var verdict = log.Reviews >= min ? FsrsOptimizer.Judge(log.Items, current, _options.FitSteps, ct) : null;
            if (verdict is { Beats: true })
            {
                improved++;
                await ExecuteAsync("""
                    INSERT INTO learner_memory ("UserId", "Weights", "FittedAt", "ReviewsUsed", "LogLoss", "PreviousLogLoss", "CheckedAt")
                    VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {2})
                    ON CONFLICT ("UserId") DO UPDATE SET "Weights" = excluded."Weights", "FittedAt" = excluded."FittedAt",
                        "ReviewsUsed" = excluded."ReviewsUsed", "LogLoss" = excluded."LogLoss",
                        "PreviousLogLoss" = excluded."PreviousLogLoss", "CheckedAt" = excluded."CheckedAt"
                    """, ct, userId, WeightsText.Format(verdict.Weights), now, verdict.Reviews, verdict.LogLoss, verdict.CurrentLogLoss);
            }
            else
            {
                await ExecuteAsync("""
                    INSERT INTO learner_memory ("UserId", "ReviewsUsed", "CheckedAt") VALUES ({0}, 0, {1})
                    ON CONFLICT ("UserId") DO UPDATE SET "CheckedAt" = excluded."CheckedAt"
                    """, ct, userId, now);
            }
        }
        return (checkedCount, improved);
    }

    private Task<int> ExecuteAsync(string sql, CancellationToken ct, params object?[] args) => MemorySql.ExecuteAsync(db, sql, ct, args);

    [LoggerMessage(Level = LogLevel.Information, Message = "Memory fit for {Night}: global weights improved {GlobalImproved}; {Checked} learners checked, {Improved} improved")]
    private static partial void LogRun(ILogger logger, DateOnly night, bool globalImproved, int @checked, int improved);
}
