using CodeCrafts.Api.Common;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Leaderboards;

/// <summary>The Redis side of the boards: writes through the merge script, the one-round-trip read.</summary>
internal static class RedisBoards
{
    /// <summary>How many leaders a replica keeps in its snapshot: the largest page a request may ask for.</summary>
    public const int TopSize = LeaderboardQuery.MaxLimit;

    /// <summary>
    /// Redis is down, refused, or did not answer in time (see <see cref="RedisAccessor.IsFailure"/>); a timed-out
    /// command may still have run: callers treat the board as unknown (incomplete), never as updated.
    /// </summary>
    public static bool IsFailure(Exception ex) => RedisAccessor.IsFailure(ex);

    public static Task MergeAsync(IDatabaseAsync db, BoardRef board, IReadOnlyCollection<BoardRow> rows, DateTimeOffset now)
    {
        var args = new RedisValue[3 + rows.Count * 2];
        args[0] = board.Kind == LeaderboardKind.Xp ? "max" : "newest";
        args[1] = board.SecondsToLive(now);
        args[2] = TopSize;
        var i = 3;
        foreach (var row in rows)
        {
            args[i++] = row.Member;
            args[i++] = row.Score;
        }
        return db.ScriptEvaluateAsync(LeaderboardScripts.Merge, [board.Key, board.TopVersionKey], args);
    }

    /// <summary>Makes the next read rebuild the board (merging, so nothing newer is lost).</summary>
    public static Task MarkIncompleteAsync(IDatabaseAsync db, BoardRef board) =>
        db.SortedSetRemoveAsync(board.Key, LeaderboardScripts.CompleteMarker);

    /// <summary>
    /// The board's top <paramref name="limit"/> and the caller's standing, or null when the board is not complete.
    /// Usually one round trip of O(1) and O(log n) commands: the top itself comes from this replica's snapshot while the
    /// board's top version says it is unchanged; otherwise a second round trip reads the top <see cref="TopSize"/>.
    /// </summary>
    public static async Task<RedisBoardPage?> ReadAsync(IDatabase db, TopSnapshots snapshots, BoardRef board, int limit, string callerMember)
    {
        var batch = db.CreateBatch();
        var version = batch.StringGetAsync(board.TopVersionKey);
        var complete = batch.SortedSetScoreAsync(board.Key, LeaderboardScripts.CompleteMarker);
        var rank = batch.SortedSetRankAsync(board.Key, callerMember, Order.Descending);
        var score = batch.SortedSetScoreAsync(board.Key, callerMember);
        var size = batch.SortedSetLengthAsync(board.Key);
        batch.Execute();
        await Task.WhenAll(version, complete, rank, score, size);
        if (complete.Result is null)
        {
            return null;
        }
        var top = snapshots.Find(board, version.Result) ?? await ReadTopAsync(db, snapshots, board);
        return new RedisBoardPage(top.Count <= limit ? top : top.Take(limit).ToList(), rank.Result, score.Result, size.Result - 1);
    }

    /// <summary>
    /// The version is read before the range, in one pipeline: a write landing in between makes the snapshot look older
    /// than it is (refreshed once more), never newer (stale rows served as current).
    /// </summary>
    private static async Task<IReadOnlyList<RedisBoardRow>> ReadTopAsync(IDatabase db, TopSnapshots snapshots, BoardRef board)
    {
        var batch = db.CreateBatch();
        var version = batch.StringGetAsync(board.TopVersionKey);
        var range = batch.SortedSetRangeByRankWithScoresAsync(board.Key, 0, TopSize, Order.Descending);
        batch.Execute();
        await Task.WhenAll(version, range);
        List<RedisBoardRow> rows = [.. range.Result
            .Where(e => e.Element != LeaderboardScripts.CompleteMarker)
            .Take(TopSize)
            .Select(e => new RedisBoardRow(e.Element!, e.Score))];
        snapshots.Keep(board, version.Result, rows);
        return rows;
    }
}

internal sealed record RedisBoardRow(string Member, double Score);
/// <param name="CallerRank">0-based, as ZREVRANK gives it; null when the caller is not on the board.</param>
internal sealed record RedisBoardPage(IReadOnlyList<RedisBoardRow> Rows, long? CallerRank, double? CallerScore, long Total);
