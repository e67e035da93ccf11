using System.Collections.Concurrent;
using System.Threading.Channels;
using CodeCrafts.Api.Common;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Leaderboards;

/// <summary>
/// Rebuilds a Redis board from PostgreSQL in the background, so the request that found it missing is served from
/// PostgreSQL meanwhile instead of waiting. Each board is queued at most once per process, and a Redis lock makes one
/// replica do the work while the others keep serving from PostgreSQL until the board is complete.
/// </summary>
internal sealed partial class LeaderboardRebuilder(
    RedisAccessor redis, IServiceScopeFactory scopes, LeaderboardTelemetry telemetry, TimeProvider time, ILogger<LeaderboardRebuilder> logger)
    : BackgroundService
{
    /// <summary>Long enough for a large board; short enough that a crashed replica's lock soon frees the board.</summary>
    public static readonly TimeSpan LockLifetime = TimeSpan.FromSeconds(60);
    private const int BatchSize = 1000;

    private readonly Channel<BoardRef> _queue = Channel.CreateUnbounded<BoardRef>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, bool> _queued = new();
    private readonly ConcurrentDictionary<string, BoardRef> _missed = new();

    public void Request(BoardRef board)
    {
        if (_queued.TryAdd(board.Key, true))
        {
            _queue.Writer.TryWrite(board);
        }
    }

    /// <summary>A hook could not update this board (Redis away or stalled): it is marked incomplete as soon as Redis is back.</summary>
    public void MarkIncompleteWhenRedisReturns(BoardRef board) => _missed[board.Key] = board;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis.Multiplexer is { } multiplexer)
        {
            multiplexer.ConnectionRestored += (_, e) =>
            {
                if (e.ConnectionType == ConnectionType.Interactive)
                {
                    _ = MarkIncompleteAfterOutageAsync();
                }
            };
        }
        // A stall ends without a reconnect; its writes were missed just the same.
        redis.Answering += () => _ = MarkIncompleteAfterOutageAsync();
        return base.StartAsync(cancellationToken);
    }

    /// <summary>
    /// After an outage every replica marks the current boards incomplete, not only those it knows it missed: a replica
    /// that missed updates may have stopped meanwhile. The rebuild merges, so nothing newer in Redis is lost.
    /// </summary>
    private async Task MarkIncompleteAfterOutageAsync()
    {
        var now = time.GetUtcNow();
        var current = Enum.GetValues<LeaderboardKind>()
            .SelectMany(kind => Enum.GetValues<LeaderboardPeriod>().Select(period => BoardRef.Current(kind, period, now)));
        var boards = _missed.Values.Concat(current).DistinctBy(b => b.Key).ToList();
        _missed.Clear();
        foreach (var board in boards)
        {
            try
            {
                if (redis.TryGetDatabase() is not { } db)
                {
                    MarkIncompleteWhenRedisReturns(board);
                    continue;
                }
                await RedisBoards.MarkIncompleteAsync(db, board);
            }
            catch (Exception ex) when (RedisBoards.IsFailure(ex))
            {
                LogRebuildFailed(logger, ex, board.Key);
                MarkIncompleteWhenRedisReturns(board);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var board in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RebuildAsync(board, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The board stays incomplete, so reads keep coming from PostgreSQL and the next one asks again.
                LogRebuildFailed(logger, ex, board.Key);
            }
            finally
            {
                _queued.TryRemove(board.Key, out _);
            }
        }
    }

    public async Task RebuildAsync(BoardRef board, CancellationToken ct)
    {
        if (redis.TryGetDatabase() is not { } db)
        {
            return;
        }
        var token = Guid.NewGuid().ToString("N");
        if (!await db.StringSetAsync(board.LockKey, token, LockLifetime, When.NotExists))
        {
            return;
        }
        using var activity = LeaderboardTelemetry.Source.StartActivity("leaderboard.rebuild");
        activity?.SetTag("codecrafts.leaderboard.key", board.Key);
        try
        {
            if (await db.SortedSetScoreAsync(board.Key, LeaderboardScripts.CompleteMarker) is not null)
            {
                return;
            }
            await using var scope = scopes.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<LeaderboardSource>().LoadAsync(board, userId: null, ct);
            // Merged, not overwritten: hooks that ran while PostgreSQL was read are newer and must survive.
            foreach (var batch in rows.Chunk(BatchSize))
            {
                await RedisBoards.MergeAsync(db, board, batch, time.GetUtcNow());
            }
            await db.ScriptEvaluateAsync(LeaderboardScripts.Complete, [board.Key, board.TopVersionKey], [board.SecondsToLive(time.GetUtcNow())]);
            telemetry.Rebuilt(board);
            activity?.SetTag("codecrafts.leaderboard.rows", rows.Count);
            LogRebuilt(logger, board.Key, rows.Count);
        }
        finally
        {
            await db.ScriptEvaluateAsync(LeaderboardScripts.ReleaseLock, [board.LockKey], [token]);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Leaderboard {Key} rebuilt from PostgreSQL with {Rows} rows")]
    private static partial void LogRebuilt(ILogger logger, string key, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding leaderboard {Key} failed; reads stay on PostgreSQL until it succeeds")]
    private static partial void LogRebuildFailed(ILogger logger, Exception exception, string key);
}
