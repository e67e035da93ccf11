using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Leaderboards;

/// <summary>The Redis side of the boards: writes through the merge script, the one-round-trip read.</summary>
internal static class RedisBoards
{
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

    /// <summary>
    /// The board's top <paramref name="limit"/> and the caller's standing in one round trip (a pipelined batch of plain
    /// commands, several times cheaper for Redis than a script), or null when the board is not complete.
    /// </summary>
    public static async Task<RedisBoardPage?> ReadAsync(IDatabase db, BoardRef board, int limit, string callerMember)
    {
        var batch = db.CreateBatch();
        var complete = batch.SortedSetScoreAsync(board.Key, LeaderboardScripts.CompleteMarker);
        var top = batch.SortedSetRangeByRankWithScoresAsync(board.Key, 0, limit - 1, Order.Descending);
        var rank = batch.SortedSetRankAsync(board.Key, callerMember, Order.Descending);
        var score = batch.SortedSetScoreAsync(board.Key, callerMember);
        var size = batch.SortedSetLengthAsync(board.Key);
        batch.Execute();
        await Task.WhenAll(complete, top, rank, score, size);
        if (complete.Result is null)
        {
            return null;
        }
        var rows = top.Result
            .Where(e => e.Element != LeaderboardScripts.CompleteMarker)
            .Select(e => new RedisBoardRow(e.Element!, e.Score))
            .ToList();
        return new RedisBoardPage(rows, rank.Result, score.Result, size.Result - 1);
    }
}

internal sealed record RedisBoardRow(string Member, double Score);
/// <param name="CallerRank">0-based, as ZREVRANK gives it; null when the caller is not on the board.</param>
internal sealed record RedisBoardPage(IReadOnlyList<RedisBoardRow> Rows, long? CallerRank, double? CallerScore, long Total);
