using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>
/// Starts one step (see <see cref="SandboxCommandLine"/>) in a cgroup of its own when the host has them,
/// feeds its input, keeps at most the output limit of what it writes, kills the whole tree at the
/// wall-clock limit, and reads how it ended from the cgroup (or the measuring helper without one).
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class SandboxProcess
{
    /// <summary>Room in the cgroup for the wrappers (sh, the helper, bwrap and its init) beside the program's own limit.</summary>
    private const int WrapperMemoryMb = 32;
    private const int WrapperProcesses = 8;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<StepOutcome> RunAsync(SandboxHost host, SandboxStep step, CancellationToken cancellationToken)
    {
        var measure = await host.MeasureHelperAsync();
        var seccomp = await host.SeccompFilterAsync();
        using var cgroup = host.Cgroups?.Create(new CgroupLimits(
            (long)(step.MemoryMb + WrapperMemoryMb) << 20, host.Options.MaxProcesses + WrapperProcesses, host.Options.CpuCoresPerRun));
        var resources = new StepResources(
            measure,
            seccomp,
            cgroup?.ProcsFiles ?? [],
            Path.Combine(step.RunFolder, step.Name + ".started"),
            cgroup is null && measure is not null ? Path.Combine(step.RunFolder, step.Name + ".stats") : null);

        using var process = new Process { StartInfo = SandboxCommandLine.StartInfo(host, step, resources) };
        var clock = Stopwatch.StartNew();
        process.Start();

        var killed = 0;
        void KillTree()
        {
            if (Interlocked.Exchange(ref killed, 1) == 0)
            {
                try
                {
                    // bwrap's --die-with-parent, its PID namespace and the cgroup take down whatever this misses.
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already exited.
                }
            }
        }

        var outputExceeded = false;
        void OnOutputExceeded()
        {
            outputExceeded = true;
            KillTree();
        }

        using var drain = new CancellationTokenSource(step.WallTime + TimeSpan.FromSeconds(5));
        var stdin = WriteInputAsync(process.StandardInput.BaseStream, step.Stdin);
        var stdout = ReadCappedAsync(process.StandardOutput.BaseStream, step.OutputLimitBytes, OnOutputExceeded, drain.Token);
        var stderr = ReadCappedAsync(process.StandardError.BaseStream, step.OutputLimitBytes, OnOutputExceeded, drain.Token);

        var wallExceeded = false;
        using (var wall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            wall.CancelAfter(step.WallTime);
            try
            {
                await process.WaitForExitAsync(wall.Token);
            }
            catch (OperationCanceledException)
            {
                wallExceeded = !cancellationToken.IsCancellationRequested;
                KillTree();
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
        var elapsed = clock.Elapsed;
        // Orphans the program left die before the figures are read, so their CPU time is in them.
        cgroup?.KillAll();
        var output = await stdout;
        var errors = await stderr;
        await stdin;
        cancellationToken.ThrowIfCancellationRequested();

        var usage = cgroup?.Read();
        var stats = resources.StatsFile is { } statsFile ? ReadStats(statsFile) : null;
        return new StepOutcome(
            process.ExitCode,
            wallExceeded,
            outputExceeded,
            Decode(output),
            Decode(errors),
            elapsed,
            usage?.CpuSeconds ?? stats?.CpuSeconds,
            usage?.PeakMemoryKb ?? stats?.MaxRssKb,
            Started(resources.StartedFile),
            usage?.OomKilled ?? false);
    }

    private static bool Started(string path) =>
        File.Exists(path) && File.ReadAllText(path).StartsWith("started", StringComparison.Ordinal);

    private static async Task WriteInputAsync(Stream stdin, byte[] input)
    {
        try
        {
            await stdin.WriteAsync(input);
            await stdin.FlushAsync();
        }
        catch (IOException)
        {
            // The program exited without reading all of its input; that is its business.
        }
        finally
        {
            try
            {
                await stdin.DisposeAsync();
            }
            catch (IOException)
            {
                // Same: a closed pipe.
            }
        }
    }

    private static async Task<byte[]> ReadCappedAsync(Stream stream, int limit, Action onExceeded, CancellationToken cancellationToken)
    {
        var kept = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                var room = (int)(limit - kept.Length);
                if (read > room)
                {
                    kept.Write(chunk, 0, room);
                    onExceeded();
                    break;
                }
                kept.Write(chunk, 0, read);
            }
        }
        catch (OperationCanceledException)
        {
            // A descendant kept the pipe open past the kill; what was read is what there is.
        }
        return kept.ToArray();
    }

    private static string Decode(byte[] bytes) => Utf8.GetString(bytes);

    private static (double CpuSeconds, long MaxRssKb)? ReadStats(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 3
               && int.TryParse(parts[0], CultureInfo.InvariantCulture, out _)
               && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var cpuMicroseconds)
               && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var maxRss)
            ? (cpuMicroseconds / 1_000_000.0, maxRss)
            : null;
    }
}
