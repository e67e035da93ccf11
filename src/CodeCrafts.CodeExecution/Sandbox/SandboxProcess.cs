using System.Runtime.Versioning;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>
/// Starts one step as setpriv (when root) → prlimit → bwrap → measure → program, feeds its input,
/// keeps at most the output limit of what it writes, and kills the whole tree at the wall-clock limit.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class SandboxProcess
{
    private const string MeasurePath = "/sandbox/measure";
    private const string StatsPath = "/sandbox/stats";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<StepOutcome> RunAsync(SandboxHost host, string? measureHelper, SandboxStep step, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = StartInfo(host, measureHelper, step) };
        var clock = Stopwatch.StartNew();
        process.Start();

        var killed = 0;
        void KillTree()
        {
            if (Interlocked.Exchange(ref killed, 1) == 0)
            {
                try
                {
                    // bwrap's --die-with-parent and its PID namespace take down whatever this misses.
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
        var output = await stdout;
        var errors = await stderr;
        await stdin;
        cancellationToken.ThrowIfCancellationRequested();

        var stats = measureHelper is null ? null : ReadStats(step.StatsFile);
        return new StepOutcome(
            process.ExitCode,
            wallExceeded,
            outputExceeded,
            Decode(output),
            Decode(errors),
            elapsed,
            stats?.CpuSeconds,
            stats?.MaxRssKb,
            stats is not null);
    }

    private static ProcessStartInfo StartInfo(SandboxHost host, string? measureHelper, SandboxStep step)
    {
        var options = host.Options;
        var args = new List<string>();
        string file;
        if (host.IsRoot)
        {
            // As root, RLIMIT_NPROC would not bind and the code could read root's files: drop to nobody first.
            file = options.SetprivPath;
            args.AddRange([$"--reuid={options.SandboxUserId}", $"--regid={options.SandboxGroupId}", "--clear-groups", "--inh-caps=-all", options.PrlimitPath]);
        }
        else
        {
            file = options.PrlimitPath;
        }

        var cpuSoft = Math.Max(1, (int)Math.Ceiling(step.CpuTimeSeconds));
        args.AddRange([
            $"--as={(long)step.MemoryMb * 1024 * 1024}",
            $"--nproc={ProcessLimit(host)}",
            $"--cpu={cpuSoft}:{cpuSoft + 1}",
            $"--fsize={(long)step.MaxFileSizeKb * 1024}",
            "--nofile=256",
            "--core=0",
            "--",
            options.BwrapPath,
        ]);
        args.AddRange(host.SystemMountArguments());
        args.AddRange(["--dev", "/dev", "--proc", "/proc", "--perms", "0555", "--tmpfs", "/tmp", "--bind", step.BoxFolder, SandboxStep.BoxPath]);
        if (measureHelper is not null)
        {
            args.AddRange(["--ro-bind", measureHelper, MeasurePath, "--bind", step.StatsFile, StatsPath]);
        }
        foreach (var (hostPath, sandboxPath) in step.ReadOnlyFiles)
        {
            args.AddRange(["--ro-bind", hostPath, sandboxPath]);
        }
        args.AddRange([
            "--chdir", SandboxStep.BoxPath,
            "--remount-ro", "/",
            "--unshare-all", "--hostname", "codecrafts",
            "--die-with-parent", "--new-session",
            "--clearenv",
            "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin",
            "--setenv", "HOME", SandboxStep.BoxPath,
            "--setenv", "TMPDIR", SandboxStep.BoxPath,
            "--setenv", "LANG", "C.UTF-8",
            "--",
        ]);
        if (measureHelper is not null)
        {
            args.AddRange([MeasurePath, StatsPath]);
        }
        args.AddRange(step.Command);

        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Nothing of the service's environment (connection strings, keys) reaches even the wrappers.
        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/sbin:/usr/bin:/sbin:/bin";
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        return info;
    }

    /// <summary>
    /// RLIMIT_NPROC counts every process and thread of the user, not just this run's. As nobody that is
    /// only sandboxed code; as an ordinary user it includes the service itself, so that count is added.
    /// </summary>
    private static int ProcessLimit(SandboxHost host) =>
        host.IsRoot ? host.Options.MaxProcesses : host.Options.MaxProcesses + UserTasks.CountForCurrentUser();

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
        var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 3
               && int.TryParse(parts[0], CultureInfo.InvariantCulture, out _)
               && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var cpuMicroseconds)
               && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var maxRss)
            ? (cpuMicroseconds / 1_000_000.0, maxRss)
            : null;
    }
}
