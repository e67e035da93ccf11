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

/// <summary>
/// No runner can run this language here (the sandbox's tools are missing, and no Judge0 is configured):
/// a lasting condition of the machine, not of the program, so callers answer 503 rather than grade it.
/// </summary>
public sealed class CodeRunnerUnavailableException(string reason)
    : Exception($"{reason} Install the sandbox (sudo apt-get install -y bubblewrap python3 g++), or set JUDGE0_API_URL to use Judge0.")
{
    public string Reason { get; } = reason;
}
