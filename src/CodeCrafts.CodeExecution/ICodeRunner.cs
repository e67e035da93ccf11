using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CodeCrafts.CodeExecution;

/// <summary>
/// Runs one program against many test cases. Implementations never throw for a failure of their own
/// (that is an <see cref="Verdict.InternalError"/>); the only exceptions are the caller's cancellation
/// and <see cref="CodeRunnerBusyException"/> when the runner's queue is full.
/// </summary>
public interface ICodeRunner
{
    /// <summary>"local-sandbox" or "judge0", for logs, spans and health reports.</summary>
    string Name { get; }

    Task<CodeRunResult> RunAsync(CodeRunRequest request, CancellationToken cancellationToken);

    Task<HealthCheckResult> CheckHealthAsync(CancellationToken cancellationToken);
}

/// <summary>Every run slot is taken and the wait queue is full: try again after <see cref="RetryAfter"/>.</summary>
public sealed class CodeRunnerBusyException(TimeSpan retryAfter)
    : Exception($"The code runner is busy; retry after {retryAfter.TotalSeconds:0} s.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
