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
    /// Moves the board's top version (KEYS[2]) on: INCR, or, when the key is missing (new board, flush, eviction), the
    /// server's time in microseconds, which is above any value the lost key could have reached, so a replica's old
    /// snapshot can never match a new board by accident.
    /// </summary>
    private const string BumpTopVersion = """
        local function bumpTopVersion(ttl)
          if redis.call('EXISTS', KEYS[2]) == 1 then
            redis.call('INCR', KEYS[2])
          else
            local t = redis.call('TIME')
            redis.call('SET', KEYS[2], t[1] .. string.format('%06d', tonumber(t[2])))
          end
          if ttl ~= '0' then redis.call('EXPIRE', KEYS[2], ttl) end
        end
        """;

    /// <summary>
    /// Merges absolute rows into a board. Mode "max": the greater score wins (XP only grows, so the greater value is the
    /// newer one; equal XP keeps the earlier time). Mode "newest": the row rated later wins (ratings go up and down).
    /// Because both rules are order-independent, hooks, retries and rebuilds can interleave freely.
    /// When a written member is (or was) among the top ARGV[3], the top version moves on, so replicas drop their
    /// snapshot of the top; writes further down leave it, which is what lets busy boards be read without ZRANGE.
    /// KEYS[1] board, KEYS[2] top version; ARGV[1] mode; ARGV[2] seconds to live (0 = forever); ARGV[3] top size;
    /// ARGV[4..] member, score pairs.
    /// </summary>
    public const string Merge = BumpTopVersion + "\n" + """
        local slots = 2147483648
        local mode = ARGV[1]
        local top = tonumber(ARGV[3])
        local topChanged = false
        local function inTop(member)
          local rank = redis.call('ZREVRANK', KEYS[1], member)
          return rank and rank < top
        end
        for i = 4, #ARGV, 2 do
          local member, score = ARGV[i], ARGV[i + 1]
          if mode == 'max' then
            local changed = redis.call('ZADD', KEYS[1], 'GT', 'CH', score, member)
            if changed == 1 and not topChanged then topChanged = inTop(member) end
          else
            local old = redis.call('ZSCORE', KEYS[1], member)
            local write = not old
            if old then
              local oldSeconds = slots - 1 - (tonumber(old) % slots)
              local newSeconds = slots - 1 - (tonumber(score) % slots)
              write = newSeconds >= oldSeconds
            end
            if write then
              local wasInTop = old and not topChanged and inTop(member)
              redis.call('ZADD', KEYS[1], score, member)
              if not topChanged then topChanged = wasInTop or inTop(member) end
            end
          end
        end
        if ARGV[2] ~= '0' then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
        if topChanged then bumpTopVersion(ARGV[2]) end
        return 0
        """;

    /// <summary>
    /// Marks a rebuilt board complete and moves its top version on. KEYS[1] board, KEYS[2] top version;
    /// ARGV[1] seconds to live (0 = forever).
    /// </summary>
    public const string Complete = BumpTopVersion + "\n" + $$"""
        redis.call('ZADD', KEYS[1], '-inf', '{{CompleteMarker}}')
        if ARGV[1] ~= '0' then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
        bumpTopVersion(ARGV[1])
        return 0
        """;

    /// <summary>Releases a lock only if this process still holds it. KEYS[1] lock; ARGV[1] token.</summary>
    public const string ReleaseLock = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;
}
