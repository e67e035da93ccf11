using CodeCrafts.Api.Common;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>Runs <see cref="DuelSweeper"/> on every replica at <see cref="DuelOptions.SweepInterval"/>.</summary>
internal sealed class DuelSweeperService(
    IServiceScopeFactory scopes, IOptions<DuelOptions> options, TimeProvider time, ILogger<DuelSweeperService> logger)
    : PeriodicJob(scopes, time, logger)
{
    protected override string Name => "Duel sweep";

    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DuelSweeper>().RunOnceAsync(ct);
}
