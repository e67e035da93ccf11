using System.Collections.Concurrent;
using System.Globalization;
using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Lessons;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Progress;

/// <summary>
/// Each learner's per-lesson progress in one Redis hash, so the catalogue (the most read page) costs no database
/// query. PostgreSQL stays the source of truth: a miss reads it and fills the hash (marked complete by field "*"),
/// every committed attempt writes its lesson's counts through, and a hash that could not be written while Redis was
/// away is deleted when Redis is back, so the next read rebuilds it. Entries also expire.
/// </summary>
internal sealed partial class ProgressCache
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

    private readonly RedisAccessor _redis;
    private readonly ILogger<ProgressCache> _logger;
    private readonly ConcurrentDictionary<Guid, byte> _stale = new();

    public ProgressCache(RedisAccessor redis, ILogger<ProgressCache> logger)
    {
        _redis = redis;
        _logger = logger;
        if (redis.Multiplexer is { } multiplexer)
        {
            multiplexer.ConnectionRestored += (_, _) => _ = DropStaleAsync();
        }
    }

    public static RedisKey Key(Guid userId) => $"progress:{userId:N}";

    /// <summary>The learner's progress by lesson, or null when Redis has no complete copy (or is away).</summary>
    public async Task<Dictionary<Guid, LessonCounts>?> GetAsync(Guid userId)
    {
        if (_redis.TryGetDatabase() is not { } db)
        {
            return null;
        }
        try
        {
            var fields = await db.HashGetAllAsync(Key(userId));
            if (!fields.Any(f => f.Name == Complete))
            {
                return null;
            }
            return fields.Where(f => f.Name != Complete)
                .ToDictionary(f => Guid.ParseExact(f.Name.ToString(), "N"), f => LessonCounts.Parse(f.Value.ToString()));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or FormatException)
        {
            LogFailed(_logger, "read", userId, ex.Message);
            return null;
        }
    }

    /// <summary>Fills the whole hash from PostgreSQL's rows.</summary>
    public Task FillAsync(Guid userId, IReadOnlyDictionary<Guid, LessonCounts> lessons) => SetAsync(userId, lessons, complete: true);

    /// <summary>Writes one lesson's committed counts through; never throws.</summary>
    public Task UpdateAsync(Guid userId, Guid lessonId, LessonCounts counts) =>
        SetAsync(userId, new Dictionary<Guid, LessonCounts> { [lessonId] = counts }, complete: false);

    private async Task SetAsync(Guid userId, IReadOnlyDictionary<Guid, LessonCounts> lessons, bool complete)
    {
        if (!_redis.IsConfigured)
        {
            return;
        }
        try
        {
            var db = _redis.TryGetDatabase() ?? throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis is not connected");
            var args = lessons.SelectMany(l => new RedisValue[] { l.Key.ToString("N"), l.Value.Format() })
                .Append(complete ? "1" : "0")
                .Append((long)EntryLifetime.TotalMilliseconds)
                .ToArray();
            await db.ScriptEvaluateAsync(GuardedSet, [Key(userId)], args);
            if (!_stale.IsEmpty)
            {
                _ = DropStaleAsync();
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogFailed(_logger, "write", userId, ex.Message);
            _stale.TryAdd(userId, 0);
        }
    }

    private async Task DropStaleAsync()
    {
        if (_redis.TryGetDatabase() is not { } db)
        {
            return;
        }
        foreach (var userId in _stale.Keys)
        {
            try
            {
                await db.KeyDeleteAsync(Key(userId));
                _stale.TryRemove(userId, out _);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                LogFailed(_logger, "repair", userId, ex.Message);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Progress cache {Operation} failed for {UserId}: {Reason}; PostgreSQL answers instead")]
    private static partial void LogFailed(ILogger logger, string operation, Guid userId, string reason);
}

/// <summary>What the catalogue shows of a learner's standing in a lesson.</summary>
internal sealed record LessonCounts(int Attempts, int CorrectAttempts, int QuestionsMastered, int Score, bool Completed)
{
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{Attempts}|{CorrectAttempts}|{QuestionsMastered}|{Score}|{(Completed ? 1 : 0)}");

    public static LessonCounts Parse(string value)
    {
        var parts = value.Split('|');
        return parts.Length == 5
            ? new LessonCounts(Int(parts[0]), Int(parts[1]), Int(parts[2]), Int(parts[3]), parts[4] == "1")
            : throw new FormatException($"'{value}' is not a cached lesson progress.");
    }

    public LessonProgressSummary ToSummary(int questionCount) => new(Attempts, CorrectAttempts, QuestionsMastered, questionCount, Score, Completed);

    private static int Int(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
