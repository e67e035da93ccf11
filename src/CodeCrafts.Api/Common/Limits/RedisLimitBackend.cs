using StackExchange.Redis;

namespace CodeCrafts.Api.Common.Limits;

/// <summary>Each operation is one command or one Lua script, so racing replicas never lose a count.</summary>
internal sealed class RedisLimitBackend(IDatabase db) : ILimitBackend
{
    private const string Prefix = "codecrafts:limits:";

    // The expiry is only clean-up (the window is in the key); it is set once, so later hits do not extend it.
    private const string CountScript = """
        local n = redis.call('INCR', KEYS[1])
        if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return n
        """;

    private const string AddFailureScript = """
        local n = redis.call('HINCRBY', KEYS[1], 'failures', 1)
        redis.call('HSET', KEYS[1], 'last', ARGV[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return n
        """;

    // Holders are scored by when they expire: a replica that died mid-run frees its place at that time.
    private const string EnterScript = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
        redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        return 1
        """;

    public async Task<long> CountAsync(string windowKey, long expiresAtMs, long nowMs) =>
        (long)await db.ScriptEvaluateAsync(CountScript, [Prefix + windowKey], [Math.Max(1, expiresAtMs - nowMs) + 1000]);

    public async Task<long> AddFailureAsync(string key, long nowMs, long forgetMs) =>
        (long)await db.ScriptEvaluateAsync(AddFailureScript, [Prefix + key], [nowMs, forgetMs]);

    public async Task<(long Failures, long LastMs)> ReadFailuresAsync(string key, long nowMs)
    {
        var values = await db.HashGetAsync(Prefix + key, ["failures", "last"]);
        return (values[0].TryParse(out long failures) ? failures : 0, values[1].TryParse(out long last) ? last : 0);
    }

    public Task ClearFailuresAsync(string key) => db.KeyDeleteAsync(Prefix + key);

    public async Task<bool> TryEnterAsync(string key, string holder, int capacity, long nowMs, long expiresAtMs) =>
        (long)await db.ScriptEvaluateAsync(EnterScript, [Prefix + key],
            [nowMs, capacity, expiresAtMs, holder, Math.Max(1, expiresAtMs - nowMs)]) == 1;

    public Task LeaveAsync(string key, string holder) => db.SortedSetRemoveAsync(Prefix + key, holder);
}
