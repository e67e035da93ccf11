namespace CodeCrafts.Api.Common;

/// <summary>
/// The loop of every job each replica runs on a timer (duel sweeps, league settling, token purges, memory fits): wait
/// <see cref="Interval"/>, run once in a fresh scope, log a failure and carry on. The jobs themselves make running on
/// several replicas at once safe. The wait is a one-shot delay on the injected clock, not a PeriodicTimer: when that
/// clock jumps (a test moving weeks ahead), a periodic timer fires once for every interval skipped; a delay fires once
/// and re-arms from the new now.
/// </summary>
internal abstract partial class PeriodicJob(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    /// <summary>What the log calls the job, e.g. "Duel sweep".</summary>
    protected abstract string Name { get; }

    protected abstract TimeSpan Interval { get; }

    protected virtual bool Enabled => true;

    /// <summary>One run, with the services of its own scope.</summary>
    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(Interval, Time, stoppingToken);
                await TickAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task TickAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await RunOnceAsync(scope.ServiceProvider, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed run (database restarting, say) must not stop the next one.
            LogFailed(Logger, Name, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, string job, Exception exception);
}
