namespace CodeCrafts.CodeExecution.Judge0;

/// <summary>Judge0's status ids (GET /statuses) in our verdicts.</summary>
internal static class Judge0Statuses
{
    public const int InQueue = 1;
    public const int Processing = 2;
    public const int CompilationError = 6;

    public static bool IsPending(int status) => status is InQueue or Processing;

    public static Verdict ToVerdict(int status, string stderr) => status switch
    {
        3 => Verdict.Accepted,
        4 => Verdict.WrongAnswer,
        5 => Verdict.TimeLimitExceeded,
        CompilationError => Verdict.CompilationError,
        // Judge0 has no memory verdict: a program over its address-space limit fails an allocation.
        >= 7 and <= 12 when stderr.Contains("MemoryError", StringComparison.Ordinal) || stderr.Contains("std::bad_alloc", StringComparison.Ordinal)
            => Verdict.MemoryLimitExceeded,
        >= 7 and <= 12 => Verdict.RuntimeError,
        // 13 Internal Error, 14 Exec Format Error and anything newer: the judge's trouble, not the learner's.
        _ => Verdict.InternalError,
    };
}
