using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CodeCrafts.CodeExecution;

/// <summary>
/// Readiness of whichever runner is configured: Judge0 answering, or a sandbox that can start programs.
/// A runner that cannot run reports the registration's failure status (Degraded in the Api): every other
/// feature still works, so the service stays ready and only code answers get 503.
/// </summary>
public sealed class CodeRunnerHealthCheck(ICodeRunner runner) : IHealthCheck
{
    public const string Name = "code-runner";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await runner.CheckHealthAsync(cancellationToken);
        return result.Status == HealthStatus.Unhealthy
            ? new HealthCheckResult(context.Registration.FailureStatus, result.Description, result.Exception, result.Data)
            : result;
    }
}
