using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>Runs <see cref="DuelSweeper"/> on every replica at <see cref="DuelOptions.SweepInterval"/>.</summary>
internal sealed partial class DuelSweeperService(
    IServiceScopeFactory scopes, IOptions<DuelOptions> options, TimeProvider time, ILogger<DuelSweeperService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One-shot delays on the injected clock, not a PeriodicTimer: when that clock jumps (a test moving weeks
        // ahead), a periodic timer fires once for every interval skipped; a delay fires once and re-arms from the new now.
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(options.Value.SweepInterval, time, stoppingToken);
                await SweepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DuelSweeper>().RunOnceAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed sweep (database restarting, say) must not stop the next one.
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Duel sweep failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
