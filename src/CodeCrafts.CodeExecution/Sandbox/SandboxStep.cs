namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>
/// One program start inside the sandbox (a compilation or one test). Inside, <c>/box</c> is the working
/// folder, a size-limited tmpfs and the only writable place; the service's files are copied in, never
/// mounted, so the sandbox user needs no access to any host folder but the system's.
/// </summary>
internal sealed record SandboxStep
{
    public const string BoxPath = "/box";

    /// <summary>The run's private host folder, for the step's bookkeeping files.</summary>
    public required string RunFolder { get; init; }

    /// <summary>Names the bookkeeping files, unique within the run.</summary>
    public required string Name { get; init; }

    /// <summary>The command inside the sandbox.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>A host file copied read-only into the sandbox (the source, or the compiled program).</summary>
    public SandboxInput? Input { get; init; }

    /// <summary>A host file the step may write to through descriptor <see cref="SandboxDescriptors.Output"/> (the compiled program).</summary>
    public string? OutputFile { get; init; }

    public byte[] Stdin { get; init; } = [];

    public required double CpuTimeSeconds { get; init; }

    public required int MemoryMb { get; init; }

    public required TimeSpan WallTime { get; init; }

    public required int OutputLimitBytes { get; init; }

    public required int MaxFileSizeKb { get; init; }
}

internal sealed record SandboxInput(string HostPath, string SandboxPath, bool Executable);

/// <summary>
/// The descriptors the wrapper opens (as the service, before dropping rights) and hands down the chain.
/// dash, the wrapper's shell, only knows descriptors 0-9, and the reaping helper closes every other one.
/// </summary>
internal static class SandboxDescriptors
{
    public const int Seccomp = 3;
    public const int Input = 4;
    public const int Output = 5;
    public const int MeasureHelper = 6;
    public const int Stats = 7;
    public const int Started = 9;
}

/// <summary>
/// How a step ended. <see cref="Started"/>: the sandbox was set up and the command ran. CPU time and
/// memory come from the step's cgroup, or from the measuring helper inside the sandbox without one.
/// </summary>
internal sealed record StepOutcome(
    int ExitCode,
    bool WallTimeExceeded,
    bool OutputLimitExceeded,
    string Stdout,
    string Stderr,
    TimeSpan WallTime,
    double? CpuSeconds,
    long? MaxRssKb,
    bool Started,
    bool OomKilled = false);
