using CodeCrafts.Api.Common;

namespace CodeCrafts.Api.Features.Leaderboards;

public enum LeaderboardKind
{
    Xp,
    Duels,
}

public enum LeaderboardPeriod
{
    Weekly,
    All,
}

/// <summary>One concrete board: a kind, a period and, for weekly boards, the week. Knows its Redis key.</summary>
public readonly record struct BoardRef(LeaderboardKind Kind, LeaderboardPeriod Period, IsoWeek? Week)
{
    /// <summary>Weekly keys outlive their week a little, so a late reader still sees last week's final board.</summary>
    public static readonly TimeSpan WeeklyRetention = TimeSpan.FromDays(21);

    public static BoardRef All(LeaderboardKind kind) => new(kind, LeaderboardPeriod.All, null);

    public static BoardRef Weekly(LeaderboardKind kind, DateTimeOffset at) => new(kind, LeaderboardPeriod.Weekly, IsoWeek.Of(at));

    public static BoardRef Current(LeaderboardKind kind, LeaderboardPeriod period, DateTimeOffset now) =>
        period == LeaderboardPeriod.All ? All(kind) : Weekly(kind, now);

    public string Key => Week is { } week
        ? $"lb:{KindName}:weekly:{week}"
        : $"lb:{KindName}:all";

    public string LockKey => Key + ":rebuild-lock";

    /// <summary>Changes whenever the board's top <see cref="RedisBoards.TopSize"/> may have changed (see <see cref="TopSnapshots"/>).</summary>
    public string TopVersionKey => Key + ":top-version";

    /// <summary>
    /// Seconds the key has left as of <paramref name="now"/> (at least 1), or 0 for all-time boards that never expire.
    /// Relative, not EXPIREAT: the injected clock decides, not the Redis server's.
    /// </summary>
    public long SecondsToLive(DateTimeOffset now) =>
        Week is { } week ? Math.Max(1, (long)Math.Ceiling((week.End + WeeklyRetention - now).TotalSeconds)) : 0;

    public string KindName => Kind == LeaderboardKind.Xp ? "xp" : "duels";

    public string PeriodName => Period == LeaderboardPeriod.All ? "all" : "weekly";

    public override string ToString() => Key;
}
