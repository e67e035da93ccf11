using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CodeCrafts.CodeExecution;

/// <summary>Readiness of whichever runner is configured: Judge0 answering, or a sandbox that can start programs.</summary>
public sealed class CodeRunnerHealthCheck(ICodeRunner runner) : IHealthCheck
{
    public const string Name = "code-runner";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        runner.CheckHealthAsync(cancellationToken);
}
