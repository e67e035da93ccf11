using CodeCrafts.Data.Entities;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Leagues;

/// <summary>
/// The Redis side of the leagues, all rebuildable from PostgreSQL: per week a hash learner → "tier:cohort", and per
/// cohort a sorted set of its members' <see cref="LeagueScore"/>s. A set is served only while it holds the
/// <see cref="BuiltMarker"/> member, whose score is minus the Unix time of the rebuild that wrote it: a set that Redis
/// lost (flush, eviction) and that an answer recreated lacks it, and one rebuilt too long ago is rebuilt again.
/// </summary>
internal static class LeagueRedis
{
    public const string BuiltMarker = "#built";

    /// <summary>Two weeks: the set outlives its week for late reads, then goes.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public static string Prefix(DateOnly week) => $"league:{week:yyyyMMdd}:";

    public static RedisKey Members(DateOnly week) => Prefix(week) + "who";

    public static string Seat(LeagueTier tier, int cohort) => $"{(int)tier}:{cohort}";

    public static RedisKey Cohort(DateOnly week, LeagueTier tier, int cohort) => Prefix(week) + Seat(tier, cohort);

    public static string Member(Guid userId) => userId.ToString("N");

    /// <summary>
    /// Where every write to a cohort's set publishes the keys it changed, so that each replica drops its local copy
    /// (<see cref="LeagueLocalCache"/>): "origin key key…", space-separated, where origin is the writing replica's
    /// <see cref="LeagueLocalCache.Origin"/> and a key is a cohort's set key, <see cref="Learner"/> for a learner's own
    /// answer, or <see cref="EverythingChanged"/>.
    /// </summary>
    public static readonly RedisChannel Changes = RedisChannel.Literal(ChangesName);

    public const string ChangesName = "league:changes";

    /// <summary>Published when a change touches every cohort (a week settled, waiting learners seated).</summary>
    public const string EverythingChanged = "*";

    /// <summary>The local copy's key of what a learner with no cohort (yet) is told: unplaced, or waiting with their XP.</summary>
    public static string Learner(DateOnly week, Guid userId) => Prefix(week) + "learner:" + Member(userId);

    /// <summary>
    /// An answer's write: records the learner's seat, merges their score ("greater wins", so retries and rebuilds
    /// commute) and, when the set is complete and the learner's rank moved, returns the members from the learner's new
    /// rank down to their old one (everyone the learner passed): ranks changed for exactly these. Publishes the set's and
    /// the learner's keys on <see cref="Changes"/> in the same step.
    /// </summary>
    public static readonly LuaScript Move = LuaScript.Prepare("""
        redis.call('HSET', @seats, @member, @seat)
        redis.call('EXPIRE', @seats, @ttl)
        local old = redis.call('ZREVRANK', @set, @member)
        redis.call('ZADD', @set, 'GT', @score, @member)
        redis.call('EXPIRE', @set, @ttl)
        redis.call('PUBLISH', @changes, @origin .. ' ' .. @set .. ' ' .. @learner)
        if not redis.call('ZSCORE', @set, '#built') then return {} end
        local new = redis.call('ZREVRANK', @set, @member)
        if old == new then return {} end
        local last = old
        if not old then last = redis.call('ZCARD', @set) - 2 end
        local moved = redis.call('ZREVRANGE', @set, new, last)
        table.insert(moved, 1, tostring(new))
        table.insert(moved, 2, old and tostring(old) or '')
        return moved
        """);

    /// <summary>
    /// The read of GET /api/leagues/current in one round trip: the caller's seat, then their cohort's whole set.
    /// Returns nil when the seat is unknown (not placed, or Redis lost it), else { seat, member, score, … }.
    /// The cohort's key is built from the seat inside the script, which a single Redis (not a cluster) allows.
    /// </summary>
    public static readonly LuaScript Current = LuaScript.Prepare("""
        local seat = redis.call('HGET', @seats, @member)
        if not seat then return false end
        local set = redis.call('ZREVRANGE', @prefix .. seat, 0, -1, 'WITHSCORES')
        table.insert(set, 1, seat)
        return set
        """);
}
