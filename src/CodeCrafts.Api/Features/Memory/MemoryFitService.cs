using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Memory;

/// <summary>
/// Runs <see cref="MemoryFitter"/> on every replica every <see cref="MemoryOptions.CheckInterval"/> once the night's
/// fit time has passed; the fitter's claim makes sure only one replica fits each night.
/// </summary>
internal sealed partial class MemoryFitService(
    IServiceScopeFactory scopes, IOptions<MemoryOptions> options, TimeProvider time, ILogger<MemoryFitService> logger) : BackgroundService
{
    private DateOnly? _done;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // A one-shot delay on the injected clock, as the duel sweeper does: a jump of the clock fires it once.
                await Task.Delay(options.Value.CheckInterval, time, stoppingToken);
                var night = MemoryFitter.NightOf(time.GetUtcNow(), options.Value.FitTimeUtc);
                if (_done != night)
                {
                    await FitAsync(night, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task FitAsync(DateOnly night, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // The fit is CPU work for seconds to minutes: off the thread that came back from the delay.
            await Task.Run(() => scope.ServiceProvider.GetRequiredService<MemoryFitter>().RunOnceAsync(ct), ct);
            // Claimed here or elsewhere: either way this night is settled for this replica.
            _done = night;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed fit (database restarting, say) is retried at the next check; a dead claim is taken over after its timeout.
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Memory fit failed; retrying at the next check")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
