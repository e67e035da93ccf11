using StackExchange.Redis;

namespace CodeCrafts.Api.Common.Limits;

/// <summary>A limit's verdict: allowed, or refused until <see cref="RetryAfter"/> has passed.</summary>
internal readonly record struct LimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static LimitDecision Allow => new(true, TimeSpan.Zero);
}

/// <summary>
/// Counts requests against the limits in Redis when it is configured and answers within the request budget
/// (<see cref="RedisAccessor"/>), so every replica sees the same counts. A limit must never turn a request into an
/// error: when Redis is away, failing or stalled, the request is counted on this replica instead (fail open to the
/// per-replica limit), and the switch is logged once each way. A call that overruns the budget marks Redis stalled
/// for the whole Api, so the calls that follow skip it at once until a PING answers again, as every other Redis user does.
/// </summary>
internal sealed partial class LimitCounter(
    RedisAccessor redis, MemoryLimitBackend memory, TimeProvider time, ILogger<LimitCounter> logger)
{
    private int _redisFailing;

    private long NowMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Counts this request in the current fixed window of <paramref name="limit"/>.</summary>
    public async Task<LimitDecision> CountAsync(string name, string partition, WindowLimit limit, CancellationToken cancellationToken)
    {
        var now = NowMs;
        var window = (long)limit.Window.TotalMilliseconds;
        var index = now / window;
        var endsAt = (index + 1) * window;
        var (count, _) = await RunAsync(backend => backend.CountAsync($"{name}:{partition}:{index}", endsAt, now), cancellationToken);
        return count <= limit.PermitLimit ? LimitDecision.Allow : new(false, TimeSpan.FromMilliseconds(endsAt - now));
    }

    /// <summary>Whether the failures recorded under this key still lock it, and for how long.</summary>
    public async Task<LimitDecision> CheckFailuresAsync(string key, BackoffLimit limit, CancellationToken cancellationToken)
    {
        var now = NowMs;
        var ((failures, last), _) = await RunAsync(backend => backend.ReadFailuresAsync(key, now), cancellationToken);
        var lockedUntil = last + (long)limit.LockoutAfter(failures).TotalMilliseconds;
        return lockedUntil > now ? new(false, TimeSpan.FromMilliseconds(lockedUntil - now)) : LimitDecision.Allow;
    }

    public async Task RecordFailureAsync(string key, BackoffLimit limit, CancellationToken cancellationToken) =>
        await RunAsync(backend => backend.AddFailureAsync(key, NowMs, limit.ForgetAfterSeconds * 1000L), cancellationToken);

    public async Task ClearFailuresAsync(string key, CancellationToken cancellationToken) =>
        await RunAsync(async backend => { await backend.ClearFailuresAsync(key); return true; }, cancellationToken);

    /// <summary>
    /// One of at most <paramref name="capacity"/> places, held until the returned hold is disposed (or, should this
    /// replica die holding it, until <paramref name="longest"/> has passed); null when every place is taken.
    /// </summary>
    public async Task<LimitHold?> TryEnterAsync(string key, int capacity, TimeSpan longest, CancellationToken cancellationToken)
    {
        var now = NowMs;
        var holder = Guid.NewGuid().ToString("N");
        var (entered, backend) = await RunAsync(
            b => b.TryEnterAsync(key, holder, capacity, now, now + (long)longest.TotalMilliseconds), cancellationToken);
        return entered ? new LimitHold(this, backend, key, holder) : null;
    }

    internal async Task LeaveAsync(ILimitBackend backend, string key, string holder)
    {
        try
        {
            await redis.WithinBudgetAsync(backend.LeaveAsync(key, holder));
        }
        catch (Exception e) when (RedisAccessor.IsFailure(e))
        {
            // The place frees itself when its expiry passes; nothing a learner waits on.
            LogLeaveFailed(logger, e.GetType().Name);
        }
    }

    private async Task<(T Value, ILimitBackend Backend)> RunAsync<T>(Func<ILimitBackend, Task<T>> operation, CancellationToken cancellationToken)
    {
        if (redis.TryGetDatabase() is { } db)
        {
            var shared = new RedisLimitBackend(db);
            try
            {
                var value = await redis.WithinBudgetAsync(operation(shared)).WaitAsync(cancellationToken);
                if (Interlocked.Exchange(ref _redisFailing, 0) == 1)
                {
                    LogRedisBack(logger);
                }
                return (value, shared);
            }
            // A request that was itself aborted is no news about Redis.
            catch (Exception e) when (RedisAccessor.IsFailure(e) && !cancellationToken.IsCancellationRequested)
            {
                NoteRedisFailing(e.GetType().Name);
            }
        }
        else if (redis.IsConfigured)
        {
            NoteRedisFailing(redis.IsStalled ? "stalled" : "not connected");
        }
        return (await operation(memory), memory);
    }

    private void NoteRedisFailing(string reason)
    {
        if (Interlocked.Exchange(ref _redisFailing, 1) == 0)
        {
            LogRedisFailing(logger, reason, redis.Budget.TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Rate limits: Redis did not answer ({Reason}, budget {BudgetMs} ms); counting on this replica until it does")]
    private static partial void LogRedisFailing(ILogger logger, string reason, double budgetMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limits: Redis answers again; counting in Redis, shared by the replicas")]
    private static partial void LogRedisBack(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limits: could not release a place in Redis ({Reason}); it expires on its own")]
    private static partial void LogLeaveFailed(ILogger logger, string reason);
}

/// <summary>A place taken with <see cref="LimitCounter.TryEnterAsync"/>; disposing it gives the place back.</summary>
internal sealed class LimitHold(LimitCounter counter, ILimitBackend backend, string key, string holder) : IAsyncDisposable
{
    private int _left;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _left, 1) == 0)
        {
            await counter.LeaveAsync(backend, key, holder);
        }
    }
}
