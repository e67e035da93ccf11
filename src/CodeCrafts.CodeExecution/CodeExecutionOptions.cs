using System.ComponentModel.DataAnnotations;

namespace CodeCrafts.CodeExecution;

/// <summary>The <c>CodeExecution</c> section. Judge0 runs the code when its URL is set; otherwise the local sandbox does.</summary>
public sealed class CodeExecutionOptions
{
    public const string Section = "CodeExecution";

    public Judge0Options Judge0 { get; set; } = new();

    public SandboxOptions Sandbox { get; set; } = new();

    public bool UsesJudge0 => !string.IsNullOrWhiteSpace(Judge0.Url);
}

public sealed class Judge0Options
{
    /// <summary>Base URL of a Judge0 CE server (JUDGE0_API_URL).</summary>
    public string? Url { get; set; }

    /// <summary>JUDGE0_API_KEY; sent in <see cref="AuthHeader"/> when set.</summary>
    public string? ApiKey { get; set; }

    /// <summary>X-Auth-Token for a self-hosted Judge0; X-RapidAPI-Key for the hosted one.</summary>
    public string AuthHeader { get; set; } = "X-Auth-Token";

    /// <summary>Pins a language id instead of resolving "Python (3.x)" from GET /languages.</summary>
    public int? PythonLanguageId { get; set; }

    /// <summary>Pins a language id instead of resolving "C++ (GCC …)" from GET /languages.</summary>
    public int? CppLanguageId { get; set; }

    /// <summary>Sent as compiler_options for C++; empty when the server disallows compiler options.</summary>
    public string CppCompilerOptions { get; set; } = "-std=c++17 -O2";

    /// <summary>Judge0 accepts at most 20 submissions per batch by default.</summary>
    [Range(1, 100)]
    public int BatchSize { get; set; } = 20;

    public TimeSpan PollInitialDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan PollMaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a whole run may take, queueing on the server included, before it is an internal error.</summary>
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Per HTTP attempt; the resilience handler retries timeouts, 429 and 5xx.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}

public sealed class SandboxOptions
{
    /// <summary>Runs (one program against all its tests) at once; the default is the number of cores.</summary>
    [Range(1, 256)]
    public int MaxConcurrentRuns { get; set; } = Environment.ProcessorCount;

    /// <summary>Runs that may wait for a slot; beyond that the runner is busy (503).</summary>
    [Range(0, 10_000)]
    public int QueueLength { get; set; } = 32;

    /// <summary>Used when a question sets no limits (also for Judge0).</summary>
    [Range(0.1, 30)]
    public double DefaultCpuTimeSeconds { get; set; } = 2;

    [Range(16, 8192)]
    public int DefaultMemoryMb { get; set; } = 256;

    /// <summary>
    /// Scratch folders, the compile cache and the helpers live here, mode 0700 and owned by the service;
    /// the default is <c>codecrafts/sandbox</c> in the service user's local data folder.
    /// </summary>
    public string? WorkDirectory { get; set; }

    /// <summary>Debian's python3; a pyenv shim would not run inside the sandbox's read-only system folders.</summary>
    public string PythonPath { get; set; } = "/usr/bin/python3";

    public string CppCompilerPath { get; set; } = "/usr/bin/g++";

    public string BwrapPath { get; set; } = "/usr/bin/bwrap";

    public string SetprivPath { get; set; } = "/usr/bin/setpriv";

    public string PrlimitPath { get; set; } = "/usr/bin/prlimit";

    /// <summary>The unprivileged user that code runs as when the service itself runs as root (nobody).</summary>
    public int SandboxUserId { get; set; } = 65534;

    public int SandboxGroupId { get; set; } = 65534;

    /// <summary>
    /// Processes and threads one sandboxed program may have: the cgroup's pids.max, what stops a fork
    /// bomb. Without cgroups, RLIMIT_NPROC of the sandbox user, shared by the runs at once.
    /// </summary>
    [Range(4, 4096)]
    public int MaxProcesses { get; set; } = 32;

    /// <summary>CPU a sandboxed program may use at once, in cores (the cgroup's CPU quota).</summary>
    [Range(0.1, 64)]
    public double CpuCoresPerRun { get; set; } = 1;

    /// <summary>
    /// Where the cgroup hierarchies are mounted: a cgroup2 mount with the memory, pids and cpu controllers,
    /// or the v1 memory, pids, cpu and cpuacct hierarchies below it. Empty turns cgroups off.
    /// </summary>
    public string CgroupRoot { get; set; } = "/sys/fs/cgroup";

    /// <summary>Largest file a program may write (RLIMIT_FSIZE).</summary>
    [Range(1, 1024 * 1024)]
    public int MaxFileSizeKb { get; set; } = 16 * 1024;

    /// <summary>Standard output and error kept per test; a program that writes more is stopped.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int OutputLimitBytes { get; set; } = 1024 * 1024;

    [Range(1, 120)]
    public double CompileCpuTimeSeconds { get; set; } = 20;

    [Range(64, 8192)]
    public int CompileMemoryMb { get; set; } = 2048;

    /// <summary>Disk space for compiled programs (and compiler errors) kept by source hash; 0 turns the cache off.</summary>
    [Range(0, 1024 * 1024)]
    public int CompileCacheMb { get; set; } = 256;

    /// <summary>Largest program a compilation may produce; a bigger one is a compilation error.</summary>
    [Range(1, 1024)]
    public int MaxProgramMb { get; set; } = 32;

    /// <summary>Folders besides /usr, /bin, /lib* and the toolchains' files in /etc to mount read-only (e.g. a Python installed elsewhere).</summary>
    public List<string> ExtraReadOnlyPaths { get; set; } = [];
}
