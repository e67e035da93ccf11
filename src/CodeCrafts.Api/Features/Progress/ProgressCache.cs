using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Attempts;
using CodeCrafts.Api.Features.Lessons;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Progress;

/// <summary>
/// Each learner's per-lesson progress in one Redis hash, so the catalogue (the most read page) costs no database
/// query. Follows the learner-entry pattern of <see cref="LearnerEntries"/>: a miss reads PostgreSQL and fills the hash
/// (marked complete by field "*"), every committed answer writes its lesson's counts through, and a write Redis did
/// not take is repaired by dropping the hash once Redis is back.
/// </summary>
internal sealed partial class ProgressCache(RedisAccessor redis, LearnerEntries entries, ILogger<ProgressCache> logger) : IAttemptObserver
{
    public static readonly TimeSpan EntryLifetime = TimeSpan.FromHours(1);
    private const string Complete = "*";

    // Attempts only grow in PostgreSQL, so a value with fewer attempts is older and never overwrites a newer one.
    private const string GuardedSet = """
        for i = 1, #ARGV - 2, 2 do
          local current = redis.call('HGET', KEYS[1], ARGV[i])
          local incoming = tonumber(string.match(ARGV[i + 1], '^(%d+)'))
          if not current or tonumber(string.match(current, '^(%d+)')) <= incoming then
            redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
          end
        end
        if ARGV[#ARGV - 1] == '1' then redis.call('HSET', KEYS[1], '*', '1') end
        redis.call('PEXPIRE', KEYS[1], ARGV[#ARGV])
        return 1
        """;

    public static RedisKey Key(Guid userId) => $"progress:{userId:N}";

    /// <summary>The learner's progress by lesson, or null when Redis has no complete copy (or is away, or overran the budget).</summary>
    public async Task<Dictionary<Guid, LessonCounts>?> GetAsync(Guid userId)
    {
        if (redis.TryGetDatabase() is not { } db)
        {
            return null;
        }
        try
        {
            var fields = await redis.WithinBudgetAsync(db.HashGetAllAsync(Key(userId)));
            if (!fields.Any(f => f.Name == Complete))
            {
                return null;
            }
            return fields.Where(f => f.Name != Complete)
                .ToDictionary(f => Guid.ParseExact(f.Name.ToString(), "N"), f => LessonCounts.Parse(f.Value.ToString()));
        }
        catch (Exception ex) when (RedisAccessor.IsFailure(ex) || ex is FormatException)
        {
            LogReadFailed(logger, userId, ex.Message);
            return null;
        }
    }

    /// <summary>Fills the whole hash from PostgreSQL's rows after a miss; never throws.</summary>
    public Task FillAsync(Guid userId, IReadOnlyDictionary<Guid, LessonCounts> lessons) =>
        WriteAsync(redis.TryGetDatabase(), userId, lessons, complete: true);

    /// <summary>Each answer writes its lesson's committed counts through, in the answer's shared pipeline.</summary>
    public Task ObserveAsync(AttemptRecorded attempt, IBatch? batch) =>
        WriteAsync(batch, attempt.UserId, new Dictionary<Guid, LessonCounts> { [attempt.LessonId] = attempt.Lesson }, complete: false);

    private Task WriteAsync(IDatabaseAsync? db, Guid userId, IReadOnlyDictionary<Guid, LessonCounts> lessons, bool complete)
    {
        var args = lessons.SelectMany(l => new RedisValue[] { l.Key.ToString("N"), l.Value.Format() })
            .Append(complete ? "1" : "0")
            .Append((long)EntryLifetime.TotalMilliseconds)
            .ToArray();
        return entries.WriteAsync(db, Key(userId), "progress", redis => redis.ScriptEvaluateAsync(GuardedSet, [Key(userId)], args));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Progress cache read failed for {UserId}: {Reason}; PostgreSQL answers instead")]
    private static partial void LogReadFailed(ILogger logger, Guid userId, string reason);
}
