namespace CodeCrafts.CodeExecution;

/// <summary>What happened to a program on one test, or overall. The names follow Judge0's statuses.</summary>
public enum Verdict
{
    Accepted,
    WrongAnswer,
    TimeLimitExceeded,
    MemoryLimitExceeded,
    CompilationError,
    RuntimeError,
    InternalError,
}

public enum CodeLanguage
{
    Python3,
    Cpp17,
}
