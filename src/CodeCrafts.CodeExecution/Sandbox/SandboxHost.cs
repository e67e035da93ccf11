using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>
/// What the machine offers the sandbox: the tools it needs (missing ones make the runner refuse to run
/// anything rather than run it unsandboxed), its private folders, cgroups, the seccomp filter, and the
/// system folders to mount read-only. Found once at start-up; what is missing is logged once.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed partial class SandboxHost
{
    // Only the system's programs and libraries: the service's own files (the curriculum with its
    // reference solutions and hidden tests, configuration) stay invisible to learners' code.
    private static readonly string[] SystemFolders = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    // Of /etc, only what the dynamic linker, the time functions and Debian's python3 read.
    private static readonly string[] EtcEntries = ["ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "timezone", "alternatives", "python3*"];

    private readonly SandboxOptions _options;
    private readonly SandboxHelpers _helpers;
    private readonly Lazy<IReadOnlyList<string>> _systemMounts;

    public SandboxHost(IOptions<CodeExecutionOptions> options, ILogger<SandboxHost> logger)
    {
        _options = options.Value.Sandbox;
        IsRoot = Environment.IsPrivilegedProcess;
        WorkDirectory = Path.GetFullPath(_options.WorkDirectory is { Length: > 0 } dir ? dir : DefaultWorkDirectory());
        RunsDirectory = Path.Combine(WorkDirectory, "runs");
        CacheDirectory = Path.Combine(WorkDirectory, "cache");
        HelpersDirectory = Path.Combine(WorkDirectory, "helpers");
        _helpers = new SandboxHelpers(_options, HelpersDirectory, logger);
        _systemMounts = new Lazy<IReadOnlyList<string>>(() => FindSystemMounts().ToList());
        Problems = FindProblems(logger);
        CppProblem = File.Exists(_options.CppCompilerPath) ? null : $"the C++ compiler {_options.CppCompilerPath} is missing (install g++)";
        if (Problems.Count > 0)
        {
            LogUnavailable(logger, UnavailableMessage);
            return;
        }
        Cgroups = Cgroups.Find(_options.CgroupRoot, logger, out var cgroupProblem);
        CgroupProblem = cgroupProblem;
        if (cgroupProblem is not null)
        {
            LogNoCgroups(logger, cgroupProblem);
        }
        if (!SandboxHelpers.HasSeccompFilter)
        {
            LogNoSeccomp(logger, System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString());
        }
        LogHardening(logger, Hardening);
    }

    public SandboxOptions Options => _options;

    public bool IsRoot { get; }

    public string WorkDirectory { get; }

    public string RunsDirectory { get; }

    public string CacheDirectory { get; }

    public string HelpersDirectory { get; }

    /// <summary>Why no code can run here; empty when the sandbox is usable.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Why C++ cannot be compiled here, or null.</summary>
    public string? CppProblem { get; }

    /// <summary>Where each step gets its cgroup; null when cgroups cannot be used here (then per-process limits only).</summary>
    public Cgroups? Cgroups { get; }

    public string? CgroupProblem { get; }

    /// <summary>The whole-run limits and the kernel filter in force, for the log (with the folders and reasons).</summary>
    public string Hardening => string.Join("; ",
        Cgroups is { } cgroups ? cgroups.Description : $"no cgroups ({CgroupProblem}): per-process limits only",
        SandboxHelpers.HasSeccompFilter ? "seccomp deny-list" : "no seccomp filter");

    /// <summary>The same without folders or reasons, for the health report, which anyone may read.</summary>
    public string HardeningSummary => string.Join(", ",
        Cgroups is { } cgroups ? $"cgroup v{cgroups.Version}" : "no cgroups (per-process limits only)",
        SandboxHelpers.HasSeccompFilter ? "seccomp deny-list" : "no seccomp filter");

    public bool FullyHardened => Cgroups is not null && SandboxHelpers.HasSeccompFilter;

    public string UnavailableMessage => "The code sandbox is unavailable: " + string.Join("; ", Problems) + ".";

    /// <summary>The reaping and measuring helper, checked just now; null when it cannot be built (no C compiler).</summary>
    public Task<string?> MeasureHelperAsync() => CppProblem is null ? _helpers.MeasureAsync() : Task.FromResult<string?>(null);

    public Task<string?> SeccompFilterAsync() => _helpers.SeccompFilterAsync();

    /// <summary>bwrap arguments that make the system folders the sandbox's whole read-only root.</summary>
    public IReadOnlyList<string> SystemMountArguments() => _systemMounts.Value;

    private IEnumerable<string> FindSystemMounts()
    {
        var etc = new DirectoryInfo("/etc");
        var etcEntries = etc.Exists ? EtcEntries.SelectMany(pattern => etc.EnumerateFileSystemInfos(pattern)).Select(e => e.FullName) : [];
        foreach (var path in SystemFolders.Concat(etcEntries).Concat(_options.ExtraReadOnlyPaths))
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is { } target && SystemFolders.Contains(path))
            {
                // Merged-/usr systems: /bin -> usr/bin must stay a link, not become a second mount.
                yield return "--symlink";
                yield return target;
                yield return path;
            }
            else if (info.Exists || Directory.Exists(path))
            {
                // Links elsewhere (/etc/localtime -> /usr/share/zoneinfo/...) are mounted as what they point to.
                yield return "--ro-bind";
                yield return path;
                yield return path;
            }
        }
    }

    /// <summary>The service user's own data folder; a random one in the temporary folder when there is none.</summary>
    private static string DefaultWorkDirectory()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return data.Length > 0 ? Path.Combine(data, "codecrafts", "sandbox") : Directory.CreateTempSubdirectory("codecrafts-sandbox-").FullName;
    }

    private List<string> FindProblems(ILogger logger)
    {
        var problems = new List<string>();
        if (!OperatingSystem.IsLinux())
        {
            problems.Add("it needs Linux (bubblewrap namespaces)");
            return problems;
        }
        Require(_options.BwrapPath, "bubblewrap");
        Require(_options.PrlimitPath, "util-linux");
        Require(_options.PythonPath, "python3");
        if (IsRoot)
        {
            Require(_options.SetprivPath, "util-linux");
        }
        foreach (var folder in new[] { WorkDirectory, RunsDirectory, CacheDirectory, HelpersDirectory })
        {
            if (PrivateFolder.Ensure(folder) is { } problem)
            {
                // The details name folders and users: for the operator's log, not for the health report or learners.
                LogWorkFolderRefused(logger, problem);
                problems.Add("its work folder is not private (the log says why)");
                break;
            }
        }
        return problems;

        void Require(string path, string package)
        {
            if (!File.Exists(path))
            {
                problems.Add($"{path} is missing (install {package})");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message} Code questions fail with an internal error until this is fixed")]
    private static partial void LogUnavailable(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "The sandbox refuses its work folder: {Problem}")]
    private static partial void LogWorkFolderRefused(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandboxed programs run without cgroups because {Reason}: memory, processes and CPU time are bounded per process only, not per run")]
    private static partial void LogNoCgroups(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sandbox has no seccomp filter for {Architecture}: programs may call every system call their user may")]
    private static partial void LogNoSeccomp(ILogger logger, string architecture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local code sandbox: {Hardening}")]
    private static partial void LogHardening(ILogger logger, string hardening);
}
