using System.Globalization;
using System.Runtime.Versioning;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>In cgroup v2 a cgroup's children get controllers only when their parent enables them, and only a parent without processes may.</summary>
[UnsupportedOSPlatform("windows")]
internal static class V2Delegation
{
    public static void EnableControllers(string parent, IReadOnlyList<string> controllers)
    {
        var subtree = Path.Combine(parent, "cgroup.subtree_control");
        if (controllers.All(File.ReadAllText(subtree).Split(' ', StringSplitOptions.TrimEntries).Contains))
        {
            return;
        }
        var enable = string.Join(' ', controllers.Select(c => "+" + c));
        try
        {
            File.WriteAllText(subtree, enable);
        }
        catch (IOException) when (OnlyThisProcessIn(parent))
        {
            // The service is alone in its cgroup (a systemd unit with Delegate=yes): it moves into a leaf
            // of its own, as systemd's delegation rules ask, and then its cgroup may enable controllers.
            var leaf = Path.Combine(parent, Cgroups.RunPrefix + "service");
            Directory.CreateDirectory(leaf);
            File.WriteAllText(Path.Combine(leaf, "cgroup.procs"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            File.WriteAllText(subtree, enable);
        }
    }

    private static bool OnlyThisProcessIn(string cgroup) =>
        File.ReadAllLines(Path.Combine(cgroup, "cgroup.procs")).Where(l => l.Length > 0)
            .All(l => l == Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
}
