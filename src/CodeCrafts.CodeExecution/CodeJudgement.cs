namespace CodeCrafts.CodeExecution;

/// <summary>
/// The verdict on a learner's code for one question. Hidden tests are already reduced to pass/fail
/// here, so nothing that leaves the judge can reveal their input or expected output.
/// </summary>
public sealed record CodeJudgement(
    Verdict Verdict,
    int Passed,
    int Total,
    IReadOnlyList<TestJudgement> Tests,
    string? CompileOutput = null,
    string? Message = null)
{
    public bool IsAccepted => Verdict == Verdict.Accepted;
}

/// <summary>
/// One test. For a hidden test only <see cref="Index"/>, <see cref="Hidden"/> and <see cref="Passed"/> are set.
/// Outputs are cut to <see cref="CodeJudge.DisplayLimit"/> characters.
/// </summary>
public sealed record TestJudgement(
    int Index,
    bool Hidden,
    bool Passed,
    Verdict? Verdict = null,
    string? Stdin = null,
    string? ExpectedStdout = null,
    string? Stdout = null,
    string? Stderr = null,
    double? TimeSeconds = null,
    long? MemoryKb = null,
    string? Message = null);
