using StackExchange.Redis;

namespace CodeCrafts.Api.Common;

/// <summary>
/// The Api's way to Redis. Redis only speeds things up (PostgreSQL holds every fact), so a request never waits on it for
/// long: every Redis call a request waits for runs under <see cref="Budget"/> (<c>Redis:RequestBudget</c>, 250 ms by
/// default). A command that overruns it is a failure like any other (the caller falls back to PostgreSQL, or marks what
/// it could not write), and it also marks Redis as stalled: until a PING comes back, <see cref="TryGetDatabase"/> answers
/// null, so the requests that follow skip Redis at once instead of each paying the budget again. The PING travels on the
/// same connection behind everything queued before it, so when it answers, every late write has landed and
/// <see cref="Answering"/> lets each cache pattern run its one repair (stale learner entries dropped, boards rebuilt).
/// </summary>
internal sealed partial class RedisAccessor(IConnectionMultiplexer? multiplexer, TimeSpan budget, ILogger<RedisAccessor> logger)
{
    public const string BudgetSetting = "Redis:RequestBudget";
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromMilliseconds(250);

    // Between PINGs while Redis is stalled.
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    private int _stalled;

    public bool IsConfigured => multiplexer is not null;

    public IConnectionMultiplexer? Multiplexer => multiplexer;

    /// <summary>The longest a request waits for one Redis call (or one pipeline).</summary>
    public TimeSpan Budget => budget;

    /// <summary>A call overran its budget and Redis has not answered since.</summary>
    public bool IsStalled => Volatile.Read(ref _stalled) == 1;

    /// <summary>Raised once Redis answers again after a stall: the moment to repair what was missed.</summary>
    public event Action? Answering;

    /// <summary>The database when Redis is configured, connected and not stalled; otherwise null, and the caller uses PostgreSQL.</summary>
    public IDatabase? TryGetDatabase() => !IsStalled && multiplexer is { IsConnected: true } m ? m.GetDatabase() : null;

    /// <summary>
    /// Redis is down, refused, or did not answer in time (its own timeout, or the budget's). A timeout is not a
    /// RedisException, and its command may still run later: callers treat what it wrote as unknown, never as written.
    /// The client also cancels the commands still waiting when it drops a socket it finds dead (no reads for a while on
    /// a starved machine): no Redis call here takes the request's token, so that cancellation is Redis's failure too.
    /// A command caught reading the socket that very disconnect closes fails from the client's own pipe
    /// ("Reading is not allowed after reader was completed"), which is the same lost connection.
    /// </summary>
    public static bool IsFailure(Exception ex) =>
        ex is RedisException or TimeoutException or TaskCanceledException
            or InvalidOperationException { Source: "System.IO.Pipelines" };

    /// <summary>Waits for <paramref name="command"/> at most <see cref="Budget"/>; a <see cref="TimeoutException"/> after that.</summary>
    public async Task<T> WithinBudgetAsync<T>(Task<T> command)
    {
        try
        {
            return await command.WaitAsync(budget);
        }
        catch (TimeoutException)
        {
            Stalled(command);
            throw;
        }
    }

    /// <inheritdoc cref="WithinBudgetAsync{T}(Task{T})"/>
    public async Task WithinBudgetAsync(Task command)
    {
        try
        {
            await command.WaitAsync(budget);
        }
        catch (TimeoutException)
        {
            Stalled(command);
            throw;
        }
    }

    /// <summary>A command the caller stopped waiting for still completes, or fails, later: observed here so it is never unobserved.</summary>
    public static void Abandon(Task command) =>
        command.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private void Stalled(Task command)
    {
        Abandon(command);
        if (multiplexer is not null && Interlocked.Exchange(ref _stalled, 1) == 0)
        {
            LogStalled(logger, budget.TotalMilliseconds);
            _ = ProbeAsync(multiplexer);
        }
    }

    private async Task ProbeAsync(IConnectionMultiplexer redis)
    {
        while (true)
        {
            Task? ping = null;
            try
            {
                // A PING lost with a dropped socket may never answer: it is given up on, and the next one asked.
                ping = redis.GetDatabase().PingAsync();
                await ping.WaitAsync(ProbeTimeout);
                break;
            }
            catch (ObjectDisposedException)
            {
                // The Api is stopping.
                return;
            }
            catch (Exception ex)
            {
                // Whatever the client throws (a refused, dropped or reconnecting link), the probe must go on: while it
                // runs, this replica keeps away from Redis, and only its success brings Redis back.
                if (ping is not null)
                {
                    Abandon(ping);
                }
                LogProbeFailed(logger, ex.GetType().Name, ex.Message);
            }
            await Task.Delay(ProbeInterval);
        }
        Volatile.Write(ref _stalled, 0);
        LogAnswering(logger);
        try
        {
            Answering?.Invoke();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A repair's trigger must not end the probe's task with an unobserved fault; the repair itself logs its work.
            LogRepairTriggerFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not answer within {BudgetMs} ms; requests use PostgreSQL until it answers a PING")]
    private static partial void LogStalled(ILogger logger, double budgetMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis still does not answer a PING ({Error}: {Reason})")]
    private static partial void LogProbeFailed(ILogger logger, string error, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis answers again; repairing the caches and boards it missed")]
    private static partial void LogAnswering(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Starting the repair after a Redis stall failed")]
    private static partial void LogRepairTriggerFailed(ILogger logger, Exception exception);
}
