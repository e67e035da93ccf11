using System.Globalization;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>Reading and writing the kernel's cgroup files.</summary>
internal static class CgroupFile
{
    public static void TryWrite(string path, string value)
    {
        try
        {
            File.WriteAllText(path, value);
        }
        catch (IOException)
        {
            // Already empty and being removed.
        }
    }

    /// <summary>A "name value" line of a flat-keyed cgroup file (cpu.stat, memory.events, memory.oom_control).</summary>
    public static long Field(string contents, string name)
    {
        foreach (var line in contents.Split('\n'))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0] == name)
            {
                return long.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }
}
