using CodeCrafts.Api.Common;
using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Streaks;

/// <summary>
/// Rewrites the streak entries that could not be written while Redis was away, from PostgreSQL, as soon as
/// Redis is reachable again (the multiplexer reconnects, or another write succeeds).
/// </summary>
internal sealed partial class StreakCacheRepairer(
    StreakCache cache, RedisAccessor redis, IServiceScopeFactory scopes, ILogger<StreakCacheRepairer> logger) : BackgroundService
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (redis.Multiplexer is not { } multiplexer)
        {
            return;
        }
        multiplexer.ConnectionRestored += (_, _) => Signal();
        cache.RepairNeeded += Signal;

        while (!stoppingToken.IsCancellationRequested)
        {
            await _signal.WaitAsync(stoppingToken);
            try
            {
                await RepairAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The learners are back on the stale list (or PostgreSQL failed): the next signal retries.
                LogRepairFailed(logger, ex);
            }
        }
    }

    private void Signal()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // A repair is already pending; it will take everything that is stale by then.
        }
    }

    private async Task RepairAsync(CancellationToken cancellationToken)
    {
        var stale = cache.TakeStale();
        if (stale.Count == 0)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>();
        foreach (var chunk in stale.Chunk(500))
        {
            var states = await db.Users.AsNoTracking()
                .Where(u => chunk.Contains(u.Id))
                .Select(u => new { u.Id, State = new StreakState(u.CurrentStreak, u.LongestStreak, u.LastActiveOn, u.LastActiveTimeZoneId) })
                .ToListAsync(cancellationToken);
            foreach (var user in states)
            {
                await cache.SetAsync(user.Id, user.State);
            }
        }
        LogRepaired(logger, stale.Count);
    }

    public override void Dispose()
    {
        _signal.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Streak cache repaired from PostgreSQL for {Count} learners")]
    private static partial void LogRepaired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Streak cache repair failed; retrying on the next reconnect")]
    private static partial void LogRepairFailed(ILogger logger, Exception exception);
}
