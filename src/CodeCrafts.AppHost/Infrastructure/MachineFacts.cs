using Microsoft.Extensions.Configuration;

namespace CodeCrafts.AppHost.Infrastructure;

/// <summary>
/// What this machine has that CodeCrafts can use. Gathered once at start-up, so that the mode decision
/// itself (<see cref="InfrastructureModeSelector"/>) is a pure function that tests can feed directly.
/// </summary>
public sealed record MachineFacts(
    string? ContainerRuntime,
    string? PostgresBinDirectory,
    string? RedisServer,
    bool UsesJudge0,
    IReadOnlyList<MissingTool> MissingSandboxTools)
{
    /// <summary>The Debian packages and paths the local sandbox needs (CodeExecution:Sandbox:*Path).</summary>
    private static readonly (string Key, string DefaultPath, string Package)[] SandboxTools =
    [
        ("BwrapPath", "/usr/bin/bwrap", "bubblewrap"),
        ("PythonPath", "/usr/bin/python3", "python3"),
        ("CppCompilerPath", "/usr/bin/g++", "g++"),
        ("SetprivPath", "/usr/bin/setpriv", "util-linux"),
        ("PrlimitPath", "/usr/bin/prlimit", "util-linux"),
    ];

    public static MachineFacts Probe(IConfiguration configuration)
    {
        var usesJudge0 = !string.IsNullOrWhiteSpace(configuration["CodeExecution:Judge0:Url"] ?? configuration["JUDGE0_API_URL"]);
        var missing = usesJudge0
            ? []
            : SandboxTools
                .Select(t => (Path: configuration[$"CodeExecution:Sandbox:{t.Key}"] ?? t.DefaultPath, t.Package))
                .Where(t => !File.Exists(t.Path))
                .Select(t => new MissingTool(t.Path, t.Package))
                .ToList();
        return new MachineFacts(
            FindContainerRuntime(), FindPostgresBinDirectory(configuration), FindRedisServer(configuration), usesJudge0, missing);
    }

    /// <summary>
    /// CodeCrafts:PostgresBinDirectory, else Debian's newest /usr/lib/postgresql/N/bin, else postgres on PATH.
    /// "none" switches PostgreSQL off, which is how a machine without it is reproduced on one that has it.
    /// </summary>
    private static string? FindPostgresBinDirectory(IConfiguration configuration)
    {
        var configured = configuration["CodeCrafts:PostgresBinDirectory"];
        if (IsNone(configured))
        {
            return null;
        }
        var candidates = !string.IsNullOrWhiteSpace(configured) ? [configured]
            : Directory.Exists("/usr/lib/postgresql")
                // Debian installs each major version side by side; the newest wins.
                ? Directory.EnumerateDirectories("/usr/lib/postgresql")
                    .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                    .Select(d => Path.Combine(d, "bin"))
                    .ToList()
                : new List<string>();
        if (FindOnPath("postgres") is { } onPath)
        {
            candidates.Add(Path.GetDirectoryName(onPath)!);
        }
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "postgres")) && File.Exists(Path.Combine(d, "initdb")));
    }

    private static string? FindRedisServer(IConfiguration configuration)
    {
        var configured = configuration["CodeCrafts:RedisServer"];
        if (IsNone(configured))
        {
            return null;
        }
        var path = !string.IsNullOrWhiteSpace(configured) ? configured : FindOnPath("redis-server");
        return path is not null && File.Exists(path) ? path : null;
    }

    private static bool IsNone(string? value) => string.Equals(value?.Trim(), "none", StringComparison.OrdinalIgnoreCase);

    private static string? FindContainerRuntime() =>
        new[] { "docker", "podman" }.FirstOrDefault(c => FindOnPath(c) is { } path && HostCommand.Ask(path, "info", TimeSpan.FromSeconds(5)) is not null);

    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

/// <summary>A tool the sandbox needs that is not at its configured path, and the Debian package that has it.</summary>
public sealed record MissingTool(string Path, string Package);
