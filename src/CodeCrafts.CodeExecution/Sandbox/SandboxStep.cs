namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>
/// One program start inside the sandbox (a compilation or one test). Inside, the scratch folder is
/// <c>/box</c> (the working folder, the only writable place) and the service's files sit under <c>/sandbox</c>.
/// </summary>
internal sealed record SandboxStep
{
    public const string BoxPath = "/box";

    /// <summary>Host folder of this step's scratch files, mounted read-write at <see cref="BoxPath"/>.</summary>
    public required string BoxFolder { get; init; }

    /// <summary>Host file the measuring helper writes its figures to.</summary>
    public required string StatsFile { get; init; }

    /// <summary>The command inside the sandbox.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Host files mounted read-only at a path inside the sandbox.</summary>
    public IReadOnlyList<(string Host, string Sandbox)> ReadOnlyFiles { get; init; } = [];

    public byte[] Stdin { get; init; } = [];

    public required double CpuTimeSeconds { get; init; }

    public required int MemoryMb { get; init; }

    public required TimeSpan WallTime { get; init; }

    public required int OutputLimitBytes { get; init; }

    public required int MaxFileSizeKb { get; init; }
}

/// <summary>How a step ended. CPU time and memory come from the measuring helper, when it ran.</summary>
internal sealed record StepOutcome(
    int ExitCode,
    bool WallTimeExceeded,
    bool OutputLimitExceeded,
    string Stdout,
    string Stderr,
    TimeSpan WallTime,
    double? CpuSeconds,
    long? MaxRssKb,
    bool Measured);
