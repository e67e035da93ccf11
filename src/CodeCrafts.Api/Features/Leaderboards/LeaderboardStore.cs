using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Attempts;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Leaderboards;

/// <summary>
/// The write side of the leaderboards, after the facts are committed in PostgreSQL: every answer that earned XP moves
/// both XP boards (as an <see cref="IAttemptObserver"/>, inside the answer's one Redis pipeline), and every finished duel
/// moves both duel boards. Boards live in Redis sorted sets (see <see cref="LeaderboardScripts"/>) and are rebuilt from
/// PostgreSQL whenever Redis lost them, so nothing is kept in one process and any replica may write or read.
/// </summary>
internal sealed partial class LeaderboardStore(
    RedisAccessor redis, LeaderboardRebuilder rebuilder, LeaderboardTelemetry telemetry, TimeProvider time, ILogger<LeaderboardStore> logger)
    : IAttemptObserver
{
    public Task ObserveAsync(AttemptRecorded attempt, IBatch? batch) =>
        attempt.Xp.Gained > 0 ? RecordXpAsync(batch, attempt.UserId, attempt.Xp.Total, attempt.Xp.Week, attempt.AnsweredAt) : Task.CompletedTask;

    /// <summary>
    /// Writes a learner's absolute XP totals (all time, and the week of <paramref name="at"/>) with "greater wins": a plain
    /// ZINCRBY would double-count or lose awards that race a rebuild, absolute totals cannot.
    /// </summary>
    /// <param name="at">The award's time: picks the ISO week and is the tie-break time.</param>
    public Task RecordXpAsync(IDatabaseAsync? db, Guid userId, long total, long week, DateTimeOffset at) =>
        WriteAsync(db,
        [
            (BoardRef.All(LeaderboardKind.Xp), new BoardRow(BoardScore.Member(userId), BoardScore.Encode(total, at))),
            (BoardRef.Weekly(LeaderboardKind.Xp, at), new BoardRow(BoardScore.Member(userId), BoardScore.Encode(week, at))),
        ]);

    /// <summary>After a duel's result and the new Users.Rating/RatedAt have committed.</summary>
    /// <param name="at">The new RatedAt: picks the ISO week; a rating older than the one on the board is ignored.</param>
    public Task RecordRatingAsync(Guid userId, double rating, DateTimeOffset at)
    {
        var row = new BoardRow(BoardScore.Member(userId), BoardScore.EncodeRating(rating, at));
        return WriteAsync(redis.TryGetDatabase(), [(BoardRef.All(LeaderboardKind.Duels), row), (BoardRef.Weekly(LeaderboardKind.Duels, at), row)]);
    }

    /// <summary>
    /// Never fails the caller: its facts are committed in PostgreSQL. If a board cannot be updated, it is marked
    /// incomplete (now, or when Redis returns) and the next read rebuilds it from PostgreSQL.
    /// </summary>
    private async Task WriteAsync(IDatabaseAsync? db, (BoardRef Board, BoardRow Row)[] writes)
    {
        if (!redis.IsConfigured)
        {
            return;
        }
        if (db is null)
        {
            foreach (var (board, _) in writes)
            {
                Missed(board);
            }
            return;
        }
        // Every merge is queued before the first await, so a shared pipeline carries them all; one budget covers them all.
        var now = time.GetUtcNow();
        var merges = writes.Select(w => (w.Board, Task: RedisBoards.MergeAsync(db, w.Board, [w.Row], now))).ToList();
        try
        {
            await redis.WithinBudgetAsync(Task.WhenAll(merges.Select(m => m.Task)));
        }
        catch (Exception ex) when (RedisBoards.IsFailure(ex))
        {
            LogRedisFailed(logger, ex, string.Join(", ", merges.Select(m => m.Board.Key)));
        }
        foreach (var (board, merge) in merges)
        {
            if (merge.IsCompletedSuccessfully)
            {
                telemetry.Written(board, "merged");
            }
            else
            {
                // Failed, or still on its way (it may land later): unknown either way, so rebuilt.
                await MarkIncompleteAsync(board);
            }
        }
    }

    private void Missed(BoardRef board)
    {
        rebuilder.MarkIncompleteWhenRedisReturns(board);
        telemetry.Written(board, "missed");
    }

    private async Task MarkIncompleteAsync(BoardRef board)
    {
        try
        {
            if (redis.TryGetDatabase() is not { } db)
            {
                Missed(board);
                return;
            }
            await redis.WithinBudgetAsync(RedisBoards.MarkIncompleteAsync(db, board));
        }
        catch (Exception ex) when (RedisBoards.IsFailure(ex))
        {
            LogRedisFailed(logger, ex, board.Key);
            Missed(board);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis failed while updating leaderboard {Key}; it will be rebuilt")]
    private static partial void LogRedisFailed(ILogger logger, Exception exception, string key);
}
