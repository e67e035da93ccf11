using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Leagues;

/// <summary>Runs <see cref="LeagueSettler"/> on every replica at <see cref="LeagueOptions.SettleInterval"/>; the settler makes that safe.</summary>
internal sealed partial class LeagueSettlerService(
    IServiceScopeFactory scopes, IOptions<LeagueOptions> options, TimeProvider time, ILogger<LeagueSettlerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One-shot delays on the injected clock (as the duel sweeper): a jump of the clock fires once, not once per interval.
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(options.Value.SettleInterval, time, stoppingToken);
                await SettleAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SettleAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<LeagueSettler>().RunOnceAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "League settlement failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
