using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CodeCrafts.Data;

/// <summary>
/// Readiness of the database: a connection can be opened. Unlike EF Core's own check, a probe that its caller
/// gave up on (an orchestrator's HTTP timeout while the service warms up) is not reported, and logged, as an
/// unhealthy database: the cancellation goes back to the caller, who asked no more.
/// </summary>
internal sealed class DatabaseHealthCheck(CodeCraftsDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        bool reachable;
        try
        {
            reachable = await db.Database.CanConnectAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        cancellationToken.ThrowIfCancellationRequested();
        return reachable
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, $"The {db.Provider} database does not accept connections");
    }
}
