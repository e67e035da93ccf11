using System.Collections.Concurrent;
using System.Globalization;
using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Questions;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Streaks;

/// <summary>
/// Streaks in Redis for the hot path; PostgreSQL stays the source of truth. A write that fails (Redis away)
/// leaves the learner on a list of stale entries, which <see cref="StreakCacheRepairer"/> rewrites from
/// PostgreSQL when Redis is back. Entries also expire, which bounds staleness if a replica dies with its list.
/// </summary>
internal sealed partial class StreakCache(RedisAccessor redis, ILogger<StreakCache> logger)
{
    public static readonly TimeSpan EntryLifetime = TimeSpan.FromHours(6);

    // Writes race (two answers' write-backs, or a repair and an answer): the last counted day never goes
    // backwards in PostgreSQL, so an entry with a later day is newer and is kept.
    private const string GuardedSet = """
        local day = redis.call('HGET', KEYS[1], 'day')
        if day and day > ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'day', ARGV[1], 'current', ARGV[2], 'longest', ARGV[3], 'zone', ARGV[4])
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        return 1
        """;

    private readonly ConcurrentDictionary<Guid, byte> _stale = new();

    /// <summary>Raised when an entry was written while others are waiting to be repaired (Redis answers again).</summary>
    public event Action? RepairNeeded;

    public static RedisKey Key(Guid userId) => $"streak:{userId:N}";

    public bool HasStaleEntries => !_stale.IsEmpty;

    public async Task<StreakState?> GetAsync(Guid userId)
    {
        if (redis.TryGetDatabase() is not { } db)
        {
            return null;
        }
        try
        {
            var fields = await db.HashGetAsync(Key(userId), ["day", "current", "longest", "zone"]);
            if (fields[1].IsNull || fields[2].IsNull)
            {
                return null;
            }
            var day = fields[0].IsNullOrEmpty ? (DateOnly?)null : DateOnly.ParseExact(fields[0].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var zone = fields[3].IsNullOrEmpty ? null : fields[3].ToString();
            return new StreakState((int)fields[1], (int)fields[2], day, zone);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogReadFailed(logger, userId, ex.Message);
            return null;
        }
    }

    /// <summary>Writes PostgreSQL's committed state; never throws, so Redis can never fail an answer.</summary>
    public async Task SetAsync(Guid userId, StreakState state)
    {
        if (!redis.IsConfigured)
        {
            return;
        }
        if (redis.TryGetDatabase() is not { } db)
        {
            MarkStale(userId);
            return;
        }
        try
        {
            await db.ScriptEvaluateAsync(GuardedSet, [Key(userId)],
            [
                state.LastActiveOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                state.Current,
                state.Longest,
                state.LastActiveTimeZoneId ?? "",
                (long)EntryLifetime.TotalMilliseconds,
            ]);
            if (!_stale.IsEmpty)
            {
                RepairNeeded?.Invoke();
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogWriteFailed(logger, userId, ex.Message);
            MarkStale(userId);
        }
    }

    /// <summary>Takes the learners whose entries may be stale; a failed repair puts them back through <see cref="SetAsync"/>.</summary>
    public IReadOnlyList<Guid> TakeStale()
    {
        var taken = new List<Guid>();
        foreach (var id in _stale.Keys)
        {
            if (_stale.TryRemove(id, out _))
            {
                taken.Add(id);
            }
        }
        return taken;
    }

    private void MarkStale(Guid userId)
    {
        _stale.TryAdd(userId, 0);
        LearningTelemetry.StreakCacheWriteFailures.Add(1);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Streak cache read failed for {UserId}: {Reason}; reading PostgreSQL")]
    private static partial void LogReadFailed(ILogger logger, Guid userId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Streak cache write failed for {UserId}: {Reason}; it will be repaired when Redis is back")]
    private static partial void LogWriteFailed(ILogger logger, Guid userId, string reason);
}
