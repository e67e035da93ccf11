using CodeCrafts.Api.Common;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Leagues;

/// <summary>Runs <see cref="LeagueSettler"/> on every replica at <see cref="LeagueOptions.SettleInterval"/>; the settler makes that safe.</summary>
internal sealed class LeagueSettlerService(
    IServiceScopeFactory scopes, IOptions<LeagueOptions> options, TimeProvider time, ILogger<LeagueSettlerService> logger)
    : PeriodicJob(scopes, time, logger)
{
    protected override string Name => "League settlement";

    protected override TimeSpan Interval => options.Value.SettleInterval;

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<LeagueSettler>().RunOnceAsync(ct);
}
