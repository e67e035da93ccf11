using System.Runtime.Versioning;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>
/// What the machine offers the sandbox: the tools it needs (missing ones make the runner refuse to run
/// anything rather than run it unsandboxed), its folders, the system folders to mount read-only, and
/// the measuring helper, compiled once per machine.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed partial class SandboxHost
{
    private const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    // Only the system's programs and libraries: the service's own files (the curriculum with its
    // reference solutions and hidden tests, configuration) stay invisible to learners' code.
    private static readonly string[] SystemFolders = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc"];

    private readonly SandboxOptions _options;
    private readonly ILogger<SandboxHost> _logger;
    private readonly Lazy<Task<string?>> _measure;

    public SandboxHost(IOptions<CodeExecutionOptions> options, ILogger<SandboxHost> logger)
    {
        _options = options.Value.Sandbox;
        _logger = logger;
        IsRoot = Environment.IsPrivilegedProcess;
        WorkDirectory = Path.GetFullPath(_options.WorkDirectory is { Length: > 0 } dir
            ? dir
            : Path.Combine(Path.GetTempPath(), $"codecrafts-sandbox-{Environment.UserName}"));
        RunsDirectory = Path.Combine(WorkDirectory, "runs");
        CacheDirectory = Path.Combine(WorkDirectory, "cache");
        Problems = FindProblems();
        CppProblem = File.Exists(_options.CppCompilerPath) ? null : $"the C++ compiler {_options.CppCompilerPath} is missing (install g++)";
        if (Problems.Count == 0)
        {
            foreach (var folder in new[] { WorkDirectory, RunsDirectory, CacheDirectory })
            {
                Directory.CreateDirectory(folder, PrivateFolder);
            }
        }
        _measure = new Lazy<Task<string?>>(BuildMeasureHelperAsync);
    }

    public SandboxOptions Options => _options;

    public bool IsRoot { get; }

    public string WorkDirectory { get; }

    public string RunsDirectory { get; }

    public string CacheDirectory { get; }

    /// <summary>Why no code can run here; empty when the sandbox is usable.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Why C++ cannot be compiled here, or null.</summary>
    public string? CppProblem { get; }

    public string UnavailableMessage => "The code sandbox is unavailable: " + string.Join("; ", Problems) + ".";

    /// <summary>The helper's path, or null when it could not be built (then time is wall time and memory unknown).</summary>
    public Task<string?> MeasureHelperAsync() => _measure.Value;

    /// <summary>bwrap arguments that make the system folders the sandbox's whole read-only root.</summary>
    public IEnumerable<string> SystemMountArguments()
    {
        foreach (var folder in SystemFolders.Concat(_options.ExtraReadOnlyPaths))
        {
            var info = new DirectoryInfo(folder);
            if (info.LinkTarget is { } target)
            {
                // Merged-/usr systems: /bin -> usr/bin must stay a link, not become a second mount.
                yield return "--symlink";
                yield return target;
                yield return folder;
            }
            else if (info.Exists)
            {
                yield return "--ro-bind";
                yield return folder;
                yield return folder;
            }
        }
    }

    private List<string> FindProblems()
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
        return problems;

        void Require(string path, string package)
        {
            if (!File.Exists(path))
            {
                problems.Add($"{path} is missing (install {package})");
            }
        }
    }

    private async Task<string?> BuildMeasureHelperAsync()
    {
        if (CppProblem is not null)
        {
            LogNoMeasureHelper(_logger, CppProblem);
            return null;
        }
        await using var resource = typeof(SandboxHost).Assembly.GetManifestResourceStream("measure.c")
            ?? throw new InvalidOperationException("The measure.c resource is missing from the assembly.");
        using var source = new MemoryStream();
        await resource.CopyToAsync(source);
        var hash = Convert.ToHexStringLower(SHA256.HashData(source.ToArray()))[..16];
        var helper = Path.Combine(WorkDirectory, $"measure-{hash}");
        if (File.Exists(helper))
        {
            return helper;
        }

        var sourcePath = Path.Combine(WorkDirectory, $"measure-{Guid.NewGuid():N}.c");
        var building = sourcePath[..^2];
        await File.WriteAllBytesAsync(sourcePath, source.ToArray());
        try
        {
            // Our own trusted source, so it is compiled outside the sandbox.
            var result = await HostProcess.RunAsync(_options.CppCompilerPath, ["-O2", "-x", "c", "-o", building, sourcePath], TimeSpan.FromSeconds(60));
            if (result.ExitCode != 0)
            {
                LogNoMeasureHelper(_logger, result.Output);
                return null;
            }
            File.Move(building, helper, overwrite: true);
            return helper;
        }
        finally
        {
            File.Delete(sourcePath);
            File.Delete(building);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sandbox's measuring helper could not be built ({Reason}); runs report wall time and no memory")]
    private static partial void LogNoMeasureHelper(ILogger logger, string reason);
}
