namespace CodeCrafts.Api.Features.Leaderboards;

/// <summary>
/// The Lua scripts behind the Redis boards. Each runs atomically on the server, so concurrent writers and readers on
/// any number of replicas see a board either before or after a change, never half of one.
/// </summary>
internal static class LeaderboardScripts
{
    /// <summary>
    /// A member present with this score (-inf, so always last) marks a board as complete. Writers may create a board
    /// key without it (after a flush or an eviction): such a partial board is never served, only completed by a rebuild.
    /// </summary>
    public const string CompleteMarker = "#complete";

    /// <summary>
    /// Merges absolute rows into a board. Mode "max": the greater score wins (XP only grows, so the greater value is the
    /// newer one; equal XP keeps the earlier time). Mode "newest": the row rated later wins (ratings go up and down).
    /// Because both rules are order-independent, hooks, retries and rebuilds can interleave freely.
    /// KEYS[1] board; ARGV[1] mode; ARGV[2] seconds to live (0 = forever); ARGV[3..] member, score pairs.
    /// </summary>
    public const string Merge = """
        local slots = 2147483648
        local mode = ARGV[1]
        for i = 3, #ARGV, 2 do
          local member, score = ARGV[i], ARGV[i + 1]
          if mode == 'max' then
            redis.call('ZADD', KEYS[1], 'GT', score, member)
          else
            local old = redis.call('ZSCORE', KEYS[1], member)
            local write = not old
            if old then
              local oldSeconds = slots - 1 - (tonumber(old) % slots)
              local newSeconds = slots - 1 - (tonumber(score) % slots)
              write = newSeconds >= oldSeconds
            end
            if write then redis.call('ZADD', KEYS[1], score, member) end
          end
        end
        if ARGV[2] ~= '0' then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
        return 0
        """;

    /// <summary>
    /// Marks a rebuilt board complete. KEYS[1] board; ARGV[1] seconds to live (0 = forever).
    /// </summary>
    public const string Complete = $$"""
        redis.call('ZADD', KEYS[1], '-inf', '{{CompleteMarker}}')
        if ARGV[1] ~= '0' then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
        return 0
        """;

    /// <summary>Releases a lock only if this process still holds it. KEYS[1] lock; ARGV[1] token.</summary>
    public const string ReleaseLock = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;
}
