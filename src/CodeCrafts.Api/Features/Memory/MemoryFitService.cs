using CodeCrafts.Api.Common;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Memory;

/// <summary>
/// Runs <see cref="MemoryFitter"/> on every replica every <see cref="MemoryOptions.CheckInterval"/> once the night's
/// fit time has passed; the fitter's claim makes sure only one replica fits each night.
/// </summary>
internal sealed class MemoryFitService(
    IServiceScopeFactory scopes, IOptions<MemoryOptions> options, TimeProvider time, ILogger<MemoryFitService> logger)
    : PeriodicJob(scopes, time, logger)
{
    private DateOnly? _done;

    protected override string Name => "Memory fit";

    protected override TimeSpan Interval => options.Value.CheckInterval;

    protected override bool Enabled => options.Value.Enabled;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var night = MemoryFitter.NightOf(Time.GetUtcNow(), options.Value.FitTimeUtc);
        if (_done == night)
        {
            return;
        }
        // The fit is CPU work for seconds to minutes: off the thread that came back from the delay. A failure is retried
        // at the next check, and a dead claim is taken over after its timeout.
        await Task.Run(() => services.GetRequiredService<MemoryFitter>().RunOnceAsync(ct), ct);
        // Claimed here or elsewhere: either way this night is settled for this replica.
        _done = night;
    }
}
