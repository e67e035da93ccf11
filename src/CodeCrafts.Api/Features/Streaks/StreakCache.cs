using System.Globalization;
using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Attempts;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Streaks;

/// <summary>
/// Streaks in Redis for the hot path; PostgreSQL stays the source of truth. Follows the learner-entry pattern of
/// <see cref="LearnerEntries"/>: read-through on a miss, written through after each answer that moves the streak, and a
/// write Redis did not take is repaired by dropping the entry once Redis is back.
/// The entry is the stored state only, never what a read shows: freezes that missed days will use are worked out on
/// each read (<see cref="StreakFreezes.Show"/>) and written by the next answer, so the cache can never apply one twice.
/// </summary>
internal sealed partial class StreakCache(RedisAccessor redis, LearnerEntries entries, ILogger<StreakCache> logger) : IAttemptObserver
{
    public static readonly TimeSpan EntryLifetime = TimeSpan.FromHours(6);

    // Writes race (two answers' write-backs, or a fill and an answer): the last counted day never goes backwards in
    // PostgreSQL, so an entry with a later day is newer and is kept.
    private const string GuardedSet = """
        local day = redis.call('HGET', KEYS[1], 'day')
        if day and day > ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'day', ARGV[1], 'current', ARGV[2], 'longest', ARGV[3], 'zone', ARGV[4],
                   'freezes', ARGV[6], 'freezesUsed', ARGV[7])
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        return 1
        """;

    public static RedisKey Key(Guid userId) => $"streak:{userId:N}";

    public async Task<StreakState?> GetAsync(Guid userId)
    {
        if (redis.TryGetDatabase() is not { } db)
        {
            return null;
        }
        try
        {
            var fields = await redis.WithinBudgetAsync(db.HashGetAsync(Key(userId), ["day", "current", "longest", "zone", "freezes", "freezesUsed"]));
            // An entry written before freezes existed lacks them: a miss, so PostgreSQL refills it whole.
            if (fields[1].IsNull || fields[2].IsNull || fields[4].IsNull || fields[5].IsNull)
            {
                return null;
            }
            var day = fields[0].IsNullOrEmpty ? (DateOnly?)null : DateOnly.ParseExact(fields[0].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var zone = fields[3].IsNullOrEmpty ? null : fields[3].ToString();
            return new StreakState((int)fields[1], (int)fields[2], day, zone, (int)fields[4], (int)fields[5]);
        }
        catch (Exception ex) when (RedisAccessor.IsFailure(ex))
        {
            LogReadFailed(logger, userId, ex.Message);
            return null;
        }
    }

    /// <summary>Fills the entry from PostgreSQL's committed state after a miss; never throws.</summary>
    public Task FillAsync(Guid userId, StreakState state) => WriteAsync(redis.TryGetDatabase(), userId, state);

    /// <summary>An answer that moved the streak writes the new one through, in the answer's shared pipeline.</summary>
    public Task ObserveAsync(AttemptRecorded attempt, IBatch? batch) =>
        attempt.Streak is { } s
            ? WriteAsync(batch, attempt.UserId, new StreakState(s.Current, s.Longest, s.LastActiveOn, s.TimeZoneId, s.Freezes, s.FreezesUsed))
            : Task.CompletedTask;

    private Task WriteAsync(IDatabaseAsync? db, Guid userId, StreakState state) =>
        entries.WriteAsync(db, Key(userId), "streak", redis => redis.ScriptEvaluateAsync(GuardedSet, [Key(userId)],
        [
            state.LastActiveOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            state.Current,
            state.Longest,
            state.LastActiveTimeZoneId ?? "",
            (long)EntryLifetime.TotalMilliseconds,
            state.Freezes,
            state.FreezesUsed,
        ]));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Streak cache read failed for {UserId}: {Reason}; PostgreSQL answers instead")]
    private static partial void LogReadFailed(ILogger logger, Guid userId, string reason);
}
