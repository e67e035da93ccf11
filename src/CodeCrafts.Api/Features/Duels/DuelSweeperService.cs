using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>Runs <see cref="DuelSweeper"/> on every replica at <see cref="DuelOptions.SweepInterval"/>.</summary>
internal sealed partial class DuelSweeperService(
    IServiceScopeFactory scopes, IOptions<DuelOptions> options, ILogger<DuelSweeperService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The cadence is wall-clock on purpose: on an injected clock that jumps (a test moving weeks ahead),
        // a periodic timer would fire once for every interval skipped. What is due is decided on `time` inside the sweep.
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
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
