using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>
/// The command line of one step: measure --reap → setpriv (when root) → prlimit → bwrap → measure → program. Inside,
/// the root holds only the system folders, read-only; /tmp is private and read-only; the network,
/// PIDs, IPC and the host name are the sandbox's own; and the environment is built from scratch.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class SandboxCommandLine
{
    private const string MeasurePath = "/sandbox/measure";
    private const string StatsPath = "/sandbox/stats";

    public static ProcessStartInfo StartInfo(SandboxHost host, string? measureHelper, SandboxStep step)
    {
        var options = host.Options;
        var args = new List<string>();
        if (measureHelper is not null)
        {
            // The helper as a subreaper around the whole chain: it reaps what bwrap leaves behind, and
            // kills the chain a little after the wall-clock limit even if this service is gone by then.
            var backstop = (int)Math.Ceiling(step.WallTime.TotalSeconds) + 2;
            args.AddRange(["--reap", backstop.ToString(CultureInfo.InvariantCulture), host.IsRoot ? options.SetprivPath : options.PrlimitPath]);
        }
        if (host.IsRoot)
        {
            // As root, RLIMIT_NPROC would not bind and the code could read root's files: drop to nobody first.
            args.AddRange([$"--reuid={options.SandboxUserId}", $"--regid={options.SandboxGroupId}", "--clear-groups", "--inh-caps=-all", options.PrlimitPath]);
        }
        var file = measureHelper ?? (host.IsRoot ? options.SetprivPath : options.PrlimitPath);

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
}
