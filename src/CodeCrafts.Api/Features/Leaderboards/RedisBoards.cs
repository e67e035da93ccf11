using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Leaderboards;

/// <summary>The Redis side of the boards: writes through the merge script, the one-round-trip read, the names hash.</summary>
internal static class RedisBoards
{
    public const string NamesKey = "lb:names";

    /// <summary>Names are refreshed at least this often even if a rename is never reported.</summary>
    public static readonly TimeSpan NamesLifetime = TimeSpan.FromHours(1);

    /// <summary>
    /// Redis is down, refused, or did not answer in time. A timeout is not a RedisException, and its command may
    /// still have run: callers treat the board as unknown (incomplete), never as updated.
    /// </summary>
    public static bool IsFailure(Exception ex) => ex is RedisException or RedisTimeoutException;

    public static Task MergeAsync(IDatabaseAsync db, BoardRef board, IReadOnlyCollection<BoardRow> rows, DateTimeOffset now)
    {
        var args = new RedisValue[2 + rows.Count * 2];
        args[0] = board.Kind == LeaderboardKind.Xp ? "max" : "newest";
        args[1] = board.SecondsToLive(now);
        var i = 2;
        foreach (var row in rows)
        {
            args[i++] = row.Member;
            args[i++] = row.Score;
        }
        return db.ScriptEvaluateAsync(LeaderboardScripts.Merge, [board.Key], args);
    }

    /// <summary>Makes the next read rebuild the board (merging, so nothing newer is lost).</summary>
    public static Task MarkIncompleteAsync(IDatabaseAsync db, BoardRef board) =>
        db.SortedSetRemoveAsync(board.Key, LeaderboardScripts.CompleteMarker);

    /// <summary>The board's top <paramref name="limit"/> and the caller's standing, or null when the board is not complete.</summary>
    public static async Task<RedisBoardPage?> ReadAsync(IDatabaseAsync db, BoardRef board, int limit, string callerMember)
    {
        var result = await db.ScriptEvaluateAsync(LeaderboardScripts.Read, [board.Key, NamesKey], [limit, callerMember]);
        if (result.IsNull)
        {
            return null;
        }
        var parts = (RedisResult[])result!;
        var members = (string[])parts[0]!;
        var scores = (double[])parts[1]!;
        var names = (RedisResult[])parts[2]!;
        var rows = new RedisBoardRow[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            rows[i] = new RedisBoardRow(members[i], scores[i], names[i].IsNull ? null : (string?)names[i]);
        }
        long? rank = parts[3].IsNull ? null : (long)parts[3];
        double? score = parts[4].IsNull ? null : (double)parts[4];
        return new RedisBoardPage(rows, rank, score, (long)parts[5]);
    }

    public static async Task RememberNamesAsync(IDatabaseAsync db, IReadOnlyDictionary<Guid, string> names)
    {
        if (names.Count == 0)
        {
            return;
        }
        await db.HashSetAsync(NamesKey, [.. names.Select(n => new HashEntry(BoardScore.Member(n.Key), n.Value))]);
        await db.KeyExpireAsync(NamesKey, NamesLifetime, ExpireWhen.HasNoExpiry);
    }
}

internal sealed record RedisBoardRow(string Member, double Score, string? DisplayName);

/// <param name="CallerRank">0-based, as ZREVRANK gives it; null when the caller is not on the board.</param>
internal sealed record RedisBoardPage(IReadOnlyList<RedisBoardRow> Rows, long? CallerRank, double? CallerScore, long Total);
