using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CodeCrafts.Api.Common.InputHygiene;
using CodeCrafts.CodeExecution;

namespace CodeCrafts.Api.Features.CodeExecution;

public sealed record RunCodeRequest
{
    [Description("The code question whose visible tests to run.")]
    public required Guid QuestionId { get; init; }

    [Description("The program's source (Python 3 or C++17, the question's language).")]
    [Required, MaxLength(CodeExecutionLimits.MaxSourceLength), SourceCode]
    public required string Code { get; init; }
}

public static class CodeExecutionLimits
{
    /// <summary>Longest source accepted, for trial runs and attempts alike.</summary>
    public const int MaxSourceLength = 64 * 1024;
}

/// <summary>
/// The verdict on code: overall, and per test. Visible tests show what the program did; hidden tests
/// show only whether they passed. Outputs are truncated.
/// </summary>
public sealed record CodeJudgementResponse(
    [property: Description("Accepted, WrongAnswer, TimeLimitExceeded, MemoryLimitExceeded, CompilationError, RuntimeError or InternalError: the first failing test's verdict.")]
    Verdict Verdict,
    [property: Description("Tests passed.")] int Passed,
    [property: Description("Tests in all.")] int Total,
    [property: Description("The compiler's output, for a compilation error.")] string? CompileOutput,
    [property: Description("Why the code could not be judged, for an internal error.")] string? Message,
    IReadOnlyList<CodeTestResultResponse> Tests)
{
    public static CodeJudgementResponse From(CodeJudgement judgement) => new(
        judgement.Verdict,
        judgement.Passed,
        judgement.Total,
        judgement.CompileOutput,
        judgement.Message,
        judgement.Tests.Select(CodeTestResultResponse.From).ToList());
}

public sealed record CodeTestResultResponse(
    [property: Description("1-based position of the test.")] int Index,
    [property: Description("Hidden tests report only whether they passed.")] bool Hidden,
    bool Passed,
    Verdict? Verdict,
    string? Stdin,
    string? ExpectedStdout,
    string? Stdout,
    [property: Description("Standard error (a traceback, a sanitizer's report…).")] string? Stderr,
    [property: Description("CPU seconds.")] double? TimeSeconds,
    [property: Description("Peak memory in KiB.")] long? MemoryKb,
    string? Message)
{
    public static CodeTestResultResponse From(TestJudgement test) => new(
        test.Index, test.Hidden, test.Passed, test.Verdict, test.Stdin, test.ExpectedStdout,
        test.Stdout, test.Stderr, test.TimeSeconds, test.MemoryKb, test.Message);
}
