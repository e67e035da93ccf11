using CodeCrafts.Api.Common;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Leaderboards;

/// <summary>A page of a board as the Api serves it, and where it came from ("cache" or "database").</summary>
internal sealed record BoardView(BoardRef Board, IReadOnlyList<LeaderboardEntry> Entries, LeaderboardStanding Me, long Total, string Source);

/// <summary>
/// The read side: one Redis round trip when the board is complete (the top and names mostly from memory); otherwise the same board computed from PostgreSQL
/// while a background rebuild (at most one across replicas) restores the Redis key.
/// </summary>
internal sealed partial class LeaderboardReader(
    RedisAccessor redis, TopSnapshots snapshots, LeaderboardSource source, LeaderboardRebuilder rebuilder, DisplayNames displayNames,
    LeaderboardTelemetry telemetry, TimeProvider time, ILogger<LeaderboardReader> logger)
{
    public async Task<BoardView> ReadAsync(LeaderboardKind kind, LeaderboardPeriod period, int limit, Guid callerId, CancellationToken ct)
    {
        var board = BoardRef.Current(kind, period, time.GetUtcNow());
        using var activity = LeaderboardTelemetry.Source.StartActivity("leaderboard.read");
        activity?.SetTag("codecrafts.leaderboard.key", board.Key);
        BoardView view;
        if (redis.TryGetDatabase() is { } db && await TryReadCacheAsync(db, board, limit, callerId, ct) is { } cached)
        {
            view = cached;
        }
        else
        {
            view = await ReadDatabaseAsync(board, limit, callerId, ct);
        }
        activity?.SetTag("codecrafts.leaderboard.source", view.Source);
        telemetry.Read(board, view.Source);
        return view;
    }

    private async Task<BoardView?> TryReadCacheAsync(IDatabase db, BoardRef board, int limit, Guid callerId, CancellationToken ct)
    {
        try
        {
            if (await redis.WithinBudgetAsync(RedisBoards.ReadAsync(db, snapshots, board, limit, BoardScore.Member(callerId))) is not { } page)
            {
                rebuilder.Request(board);
                return null;
            }
            var names = await displayNames.ForMembersAsync([.. page.Rows.Select(r => r.Member)], ct);
            var entries = page.Rows.Select((row, i) => Entry(i, row.Member, row.Score, names)).ToList();
            var me = new LeaderboardStanding(page.CallerRank + 1, page.CallerScore is { } s ? BoardScore.Value(s) : 0);
            return new BoardView(board, entries, me, page.Total, "cache");
        }
        catch (Exception ex) when (RedisBoards.IsFailure(ex))
        {
            LogRedisFailed(logger, ex, board.Key);
            return null;
        }
    }

    /// <summary>The board computed from PostgreSQL in the exact order Redis keeps (slower, but the same answer).</summary>
    private async Task<BoardView> ReadDatabaseAsync(BoardRef board, int limit, Guid callerId, CancellationToken ct)
    {
        var rows = await source.LoadAsync(board, userId: null, ct);
        rows.Sort((a, b) => BoardScore.CompareBoardOrder((a.Member, a.Score), (b.Member, b.Score)));
        var top = rows.Take(limit).ToList();
        var names = await displayNames.ForMembersAsync([.. top.Select(r => r.Member)], ct);
        var callerMember = BoardScore.Member(callerId);
        var callerIndex = rows.FindIndex(r => r.Member == callerMember);
        var me = callerIndex < 0
            ? new LeaderboardStanding(null, 0)
            : new LeaderboardStanding(callerIndex + 1, BoardScore.Value(rows[callerIndex].Score));
        return new BoardView(board, [.. top.Select((r, i) => Entry(i, r.Member, r.Score, names))], me, rows.Count, "database");
    }

    private static LeaderboardEntry Entry(int index, string member, double score, IReadOnlyDictionary<string, string> names) =>
        new(index + 1, Guid.ParseExact(member, "N"), names.GetValueOrDefault(member, "Former learner"), BoardScore.Value(score));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis failed reading leaderboard {Key}; serving from PostgreSQL")]
    private static partial void LogRedisFailed(ILogger logger, Exception exception, string key);
}
