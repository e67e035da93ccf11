using System.Globalization;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>Counts the processes and threads of the service's own user, as RLIMIT_NPROC does.</summary>
internal static class UserTasks
{
    public static int CountForCurrentUser()
    {
        var uid = RealUid("/proc/self/status");
        var total = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out _))
            {
                continue;
            }
            try
            {
                var status = File.ReadAllLines(Path.Combine(folder, "status"));
                if (RealUid(status) == uid)
                {
                    total += Field(status, "Threads:") ?? 1;
                }
            }
            catch (IOException)
            {
                // The process ended while being looked at.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read, so not ours to count.
            }
        }
        return total;
    }

    private static int? RealUid(string statusFile) => RealUid(File.ReadAllLines(statusFile));

    private static int? RealUid(string[] status) => Field(status, "Uid:");

    private static int? Field(string[] status, string name)
    {
        var line = status.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        var first = line?[name.Length..].Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return int.TryParse(first, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
