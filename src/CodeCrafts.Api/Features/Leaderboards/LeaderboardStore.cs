using System.Data.Common;
using CodeCrafts.Api.Common;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Leaderboards;

/// <summary>
/// The write side of the leaderboards: hooks that the XP, duel and profile flows call after they commit. Boards live in
/// Redis sorted sets (see <see cref="LeaderboardScripts"/>) and are rebuilt from PostgreSQL whenever Redis lost them,
/// so nothing is kept in one process and any replica may write or read.
/// </summary>
internal sealed partial class LeaderboardStore
{
    private readonly RedisAccessor _redis;
    private readonly IServiceScopeFactory _scopes;
    private readonly LeaderboardTelemetry _telemetry;
    private readonly TimeProvider _time;
    private readonly ILogger<LeaderboardStore> _logger;
    private readonly LeaderboardRebuilder _rebuilder;
    private readonly DisplayNames _displayNames;

    public LeaderboardStore(RedisAccessor redis, IServiceScopeFactory scopes, LeaderboardRebuilder rebuilder, DisplayNames displayNames,
        LeaderboardTelemetry telemetry, TimeProvider time, ILogger<LeaderboardStore> logger)
    {
        (_redis, _scopes, _rebuilder, _displayNames, _telemetry, _time, _logger) = (redis, scopes, rebuilder, displayNames, telemetry, time, logger);
    }

    /// <summary>
    /// Hook for the XP flow: call after the transaction that raised Users.Xp and inserted the XpAward has committed.
    /// The learner's totals are re-read from PostgreSQL (one indexed query per board) and merged with "greater wins":
    /// a plain ZINCRBY would double-count or lose awards that race a rebuild, absolute totals cannot.
    /// </summary>
    /// <param name="xpDelta">The award; an award of 0 changes nothing and is skipped.</param>
    /// <param name="at">The award's AwardedAt: picks the ISO week and is the tie-break time.</param>
    public async Task RecordXpAsync(Guid userId, long xpDelta, DateTimeOffset at, CancellationToken ct = default)
    {
        if (xpDelta <= 0)
        {
            return;
        }
        BoardRef[] boards = [BoardRef.All(LeaderboardKind.Xp), BoardRef.Weekly(LeaderboardKind.Xp, at)];
        await WriteAsync(boards, async board =>
        {
            await using var scope = _scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<LeaderboardSource>().LoadAsync(board, userId, ct);
        });
    }

    /// <summary>Hook for the duel flow: call after a duel's result and the new Users.Rating/RatedAt have committed.</summary>
    /// <param name="at">The new RatedAt: picks the ISO week; a rating older than the one on the board is ignored.</param>
    public Task RecordRatingAsync(Guid userId, double rating, DateTimeOffset at, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        List<BoardRow> row = [new(BoardScore.Member(userId), BoardScore.EncodeRating(rating, at))];
        BoardRef[] boards = [BoardRef.All(LeaderboardKind.Duels), BoardRef.Weekly(LeaderboardKind.Duels, at)];
        return WriteAsync(boards, _ => Task.FromResult(row));
    }

    /// <summary>Hook for the profile flow: call after a display name changes, so boards show the new one.</summary>
    public async Task ForgetDisplayNameAsync(Guid userId)
    {
        try
        {
            await _displayNames.ForgetAsync(userId);
        }
        catch (Exception ex) when (RedisBoards.IsFailure(ex))
        {
            LogRedisFailed(_logger, ex, DisplayNames.RedisKey);
        }
    }

    /// <summary>
    /// Hooks never fail the request that called them: its facts are committed in PostgreSQL. If a board cannot be
    /// updated, it is marked incomplete (now, or when Redis returns) and the next read rebuilds it from PostgreSQL.
    /// </summary>
    private async Task WriteAsync(BoardRef[] boards, Func<BoardRef, Task<List<BoardRow>>> rowsFor)
    {
        if (_redis.TryGetDatabase() is not { } db)
        {
            foreach (var board in boards)
            {
                Missed(board);
            }
            return;
        }
        foreach (var board in boards)
        {
            using var activity = LeaderboardTelemetry.Source.StartActivity("leaderboard.record");
            activity?.SetTag("codecrafts.leaderboard.key", board.Key);
            try
            {
                await RedisBoards.MergeAsync(db, board, await rowsFor(board), _time.GetUtcNow());
                _telemetry.Written(board, "merged");
            }
            catch (Exception ex) when (RedisBoards.IsFailure(ex))
            {
                LogRedisFailed(_logger, ex, board.Key);
                await MarkIncompleteAsync(db, board);
            }
            catch (DbException ex)
            {
                LogDatabaseFailed(_logger, ex, board.Key);
                await MarkIncompleteAsync(db, board);
            }
        }
    }

    private void Missed(BoardRef board)
    {
        _rebuilder.MarkIncompleteWhenRedisReturns(board);
        _telemetry.Written(board, "missed");
    }

    private async Task MarkIncompleteAsync(IDatabase db, BoardRef board)
    {
        try
        {
            await RedisBoards.MarkIncompleteAsync(db, board);
        }
        catch (Exception ex) when (RedisBoards.IsFailure(ex))
        {
            LogRedisFailed(_logger, ex, board.Key);
            Missed(board);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis failed while updating leaderboard {Key}; it will be rebuilt")]
    private static partial void LogRedisFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL failed while updating leaderboard {Key}; it will be rebuilt")]
    private static partial void LogDatabaseFailed(ILogger logger, Exception exception, string key);
}
