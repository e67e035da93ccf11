namespace CodeCrafts.CodeExecution;

// What a runner is asked to do and what it answers. Both runners speak these shapes, so the judge
// and the telemetry never know which one ran the code.

public sealed record TestInput(string Stdin, string ExpectedStdout);

public sealed record RunLimits(double CpuTimeSeconds, int MemoryMb);

public sealed record CodeRunRequest(
    CodeLanguage Language,
    string Source,
    IReadOnlyList<TestInput> Tests,
    RunLimits Limits)
{
    /// <summary>Stop at the first test that is not accepted (enough to prove a wrong solution wrong).</summary>
    public bool StopOnFirstFailure { get; init; }
}

/// <summary>One test's outcome. Time is CPU seconds and memory the peak resident set in KiB, when the runner knows them.</summary>
public sealed record TestRunResult(
    Verdict Verdict,
    string Stdout,
    string Stderr,
    double? TimeSeconds,
    long? MemoryKb,
    string? Message = null);

/// <summary>
/// A whole run: the tests that ran, in order (fewer than asked when the program did not compile,
/// the runner failed, or <see cref="CodeRunRequest.StopOnFirstFailure"/> stopped it).
/// </summary>
public sealed record CodeRunResult(
    Verdict Verdict,
    IReadOnlyList<TestRunResult> Tests,
    string? CompileOutput = null,
    string? Message = null)
{
    public static CodeRunResult FromTests(IReadOnlyList<TestRunResult> tests, string? compileOutput = null) =>
        new(tests.FirstOrDefault(t => t.Verdict != Verdict.Accepted)?.Verdict ?? Verdict.Accepted, tests, compileOutput);

    public static CodeRunResult CompilationFailed(string compileOutput) =>
        new(Verdict.CompilationError, [], compileOutput);

    public static CodeRunResult Internal(string message) => new(Verdict.InternalError, [], Message: message);
}
