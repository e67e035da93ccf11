using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>
/// Where each sandboxed program gets a cgroup of its own: below the service's own cgroup, so that the
/// limits of whoever runs the service still hold. cgroup v2 when the host's cgroup2 mount has the
/// memory, pids and cpu controllers; otherwise the v1 memory, pids, cpu and cpuacct hierarchies.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class Cgroups
{
    public const string RunPrefix = "codecrafts-";

    /// <summary>Far beyond the longest step (a compilation's wall-clock limit is at most four minutes).</summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    private static readonly string[] V1Controllers = ["memory", "pids", "cpu", "cpuacct"];
    private static readonly string[] V2Controllers = ["memory", "pids", "cpu"];

    private readonly IReadOnlyDictionary<string, string> _parents;
    private readonly ILogger _logger;

    private Cgroups(int version, IReadOnlyDictionary<string, string> parents, ILogger logger)
    {
        Version = version;
        _parents = parents;
        _logger = logger;
    }

    public int Version { get; }

    public string Description => $"cgroup v{Version} under {string.Join(", ", _parents.Values.Distinct())}";

    /// <summary>Finds the hierarchies and proves they work by creating and removing one cgroup; null and why not otherwise.</summary>
    public static Cgroups? Find(string root, ILogger logger, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(root))
        {
            problem = "they are turned off (CgroupRoot is empty)";
            return null;
        }
        try
        {
            var own = OwnCgroups(File.ReadAllLines("/proc/self/cgroup"));
            var cgroups = V2Parent(root, own) is { } parent
                ? new Cgroups(2, V2Controllers.ToDictionary(c => c, _ => parent), logger)
                : V1Parents(root, own) is { } parents
                    ? new Cgroups(1, parents, logger)
                    : null;
            if (cgroups is null)
            {
                problem = $"{root} has neither a cgroup2 mount with the memory, pids and cpu controllers nor the v1 memory, pids, cpu and cpuacct hierarchies";
                return null;
            }
            if (cgroups._parents.Values.FirstOrDefault(p => !Directory.Exists(p)) is { } missing)
            {
                problem = $"the service's own cgroup {missing} is missing";
                return null;
            }
            cgroups.RemoveStale();
            // The probe writes every limit a run writes, so a read-only or foreign hierarchy shows here.
            using (cgroups.Create(new CgroupLimits(64L << 20, 8, 1)))
            {
            }
            return cgroups;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = ex.Message;
            return null;
        }
    }

    public RunCgroup Create(CgroupLimits limits) =>
        RunCgroup.Create(Version, _parents, RunPrefix + Guid.NewGuid().ToString("N"), limits, _logger);

    /// <summary>
    /// Cgroups left by a service that died mid-run. Only old ones: a young empty one may be another
    /// replica's (or host's) step that has not started its wrapper yet. A busy one stays anyway.
    /// </summary>
    private void RemoveStale()
    {
        foreach (var parent in _parents.Values.Distinct())
        {
            foreach (var stale in new DirectoryInfo(parent).EnumerateDirectories(RunPrefix + "*"))
            {
                if (DateTime.UtcNow - stale.LastWriteTimeUtc < StaleAfter)
                {
                    continue;
                }
                try
                {
                    stale.Delete();
                }
                catch (IOException)
                {
                    // Still has processes (another replica's run): not ours to touch.
                }
            }
        }
    }

    /// <summary>"hierarchy-id:controllers:path" lines: each controller (and "" for v2) to the service's own cgroup path.</summary>
    private static Dictionary<string, string> OwnCgroups(IEnumerable<string> lines)
    {
        var own = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split(':', 3);
            if (parts.Length == 3)
            {
                foreach (var controller in parts[1].Split(','))
                {
                    own[controller] = parts[2];
                }
            }
        }
        return own;
    }

    private static string? V2Parent(string root, Dictionary<string, string> own)
    {
        var available = Path.Combine(root, "cgroup.controllers");
        if (!File.Exists(available) || !own.TryGetValue("", out var path)
            || !V2Controllers.All(File.ReadAllText(available).Split(' ', StringSplitOptions.TrimEntries).Contains))
        {
            return null;
        }
        var parent = Path.Join(root, path);
        V2Delegation.EnableControllers(parent, V2Controllers);
        return parent;
    }

    private static Dictionary<string, string>? V1Parents(string root, Dictionary<string, string> own)
    {
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var controller in V1Controllers)
        {
            var mount = new DirectoryInfo(Path.Combine(root, controller));
            if (!mount.Exists)
            {
                return null;
            }
            // cpu and cpuacct are often one hierarchy reached by two links: both must name the same folder.
            var real = mount.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? mount.FullName;
            parents[controller] = Path.Join(real, own.GetValueOrDefault(controller, "/"));
        }
        return parents;
    }
}

internal sealed record CgroupLimits(long MemoryBytes, int Processes, double Cores);

internal sealed record CgroupUsage(double CpuSeconds, long? PeakMemoryKb, bool OomKilled);
