namespace CodeCrafts.Tests.Features.CodeExecution;

/// <summary>Finds processes that hostile programs started, by a marker in their command line.</summary>
internal static class SandboxProcesses
{
    /// <summary>A number sleep accepts as an extra argument, unique enough to find our processes by.</summary>
    public static string Marker() => $"0.{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}";

    /// <summary>Forks sleepers carrying the marker for as long as it may, ignoring every failure to fork.</summary>
    public static string ForkBomb(string marker) => $$"""
        import os
        while True:
            try:
                if os.fork() == 0:
                    os.execv("/usr/bin/sleep", ["sleep", "600", "{{marker}}"])
            except OSError:
                pass
        """;

    public static List<int> With(string marker)
    {
        var found = new List<int>();
        foreach (var folder in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }
            try
            {
                if (File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(marker, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // Gone while we looked.
            }
        }
        return found;
    }

    /// <summary>Waits (up to 30 s) until the condition holds; false if it never did.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(50))
        {
            if (condition())
            {
                return true;
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        return condition();
    }
}
