using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>What a step's command line needs beyond the step: verified helper files, its cgroup, its bookkeeping files.</summary>
internal sealed record StepResources(
    string? MeasureHelper, string? SeccompFilter, IReadOnlyList<string> CgroupProcsFiles, string StartedFile, string? StatsFile);

/// <summary>
/// The command line of one step: sh (joins the step's cgroup, opens the descriptors) → measure --reap →
/// setpriv to nobody (when root) → prlimit → bwrap → sh (marks the start) → [measure] → program.
/// Inside, the root holds only the system folders, read-only; /box, /tmp and /dev/shm are size-limited
/// tmpfs; the network, PIDs, IPC, user and host name are the sandbox's own, with no nested user
/// namespaces and the seccomp deny-list; the environment is built from scratch.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class SandboxCommandLine
{
    private const string Shell = "/bin/sh";
    private const string MeasurePath = "/sandbox/measure";
    private const long SmallTmpfsBytes = 4L << 20;

    // Written by a shell inside the sandbox just before it becomes the program, through a descriptor it
    // then closes: proof that bwrap got that far, which the program can neither fake nor erase.
    private static readonly string StartedMark = $"echo started >&{SandboxDescriptors.Started} && exec \"$@\" {SandboxDescriptors.Started}>&-";

    public static ProcessStartInfo StartInfo(SandboxHost host, SandboxStep step, StepResources resources)
    {
        var (script, positional) = Wrapper(step, resources);
        var info = new ProcessStartInfo(Shell)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Nothing of the service's environment (connection strings, keys) reaches even the wrappers.
        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/sbin:/usr/bin:/sbin:/bin";
        foreach (var arg in (string[])["-c", script, "sh", .. positional, .. Chain(host, step, resources)])
        {
            info.ArgumentList.Add(arg);
        }
        return info;
    }

    /// <summary>The wrapper's script (only fixed text: every path is a positional argument) and those arguments.</summary>
    private static (string Script, List<string> Positional) Wrapper(SandboxStep step, StepResources resources)
    {
        var positional = new List<string>();
        var script = new StringBuilder();
        foreach (var procs in resources.CgroupProcsFiles)
        {
            positional.Add(procs);
            script.Append(CultureInfo.InvariantCulture, $"echo $$ >\"${{{positional.Count}}}\" && ");
        }
        var descriptors = new SortedDictionary<int, (char Direction, string Path)>();
        if (resources.SeccompFilter is { } filter)
        {
            descriptors[SandboxDescriptors.Seccomp] = ('<', filter);
        }
        if (step.Input is { } input)
        {
            descriptors[SandboxDescriptors.Input] = ('<', input.HostPath);
        }
        if (step.OutputFile is { } output)
        {
            descriptors[SandboxDescriptors.Output] = ('>', output);
        }
        if (resources.StatsFile is { } stats && resources.MeasureHelper is { } measure)
        {
            descriptors[SandboxDescriptors.MeasureHelper] = ('<', measure);
            descriptors[SandboxDescriptors.Stats] = ('>', stats);
        }
        descriptors[SandboxDescriptors.Started] = ('>', resources.StartedFile);
        script.Append("exec");
        for (var fd = 3; fd <= 9; fd++)
        {
            if (descriptors.TryGetValue(fd, out var open))
            {
                positional.Add(open.Path);
                script.Append(CultureInfo.InvariantCulture, $" {fd}{open.Direction}\"${{{positional.Count}}}\"");
            }
            else
            {
                // Whatever the service inherited on this number stays out of the sandbox.
                script.Append(CultureInfo.InvariantCulture, $" {fd}>&-");
            }
        }
        script.Append(CultureInfo.InvariantCulture,
            $" || {{ echo 'sandbox: the wrapper could not set up the step' >&2; exit 125; }}; shift {positional.Count}; exec \"$@\"");
        return (script.ToString(), positional);
    }

    private static List<string> Chain(SandboxHost host, SandboxStep step, StepResources resources)
    {
        var options = host.Options;
        var args = new List<string>();
        if (resources.MeasureHelper is { } helper)
        {
            // The helper as a subreaper around the whole chain: it reaps what bwrap leaves behind, and
            // kills the chain a little after the wall-clock limit even if this service is gone by then.
            var backstop = (int)Math.Ceiling(step.WallTime.TotalSeconds) + 2;
            args.AddRange([helper, "--reap", backstop.ToString(CultureInfo.InvariantCulture)]);
        }
        if (host.IsRoot)
        {
            // As root the code could read root's files: drop to nobody first.
            args.AddRange([options.SetprivPath, $"--reuid={options.SandboxUserId}", $"--regid={options.SandboxGroupId}", "--clear-groups", "--inh-caps=-all"]);
        }
        var cpuSoft = Math.Max(1, (int)Math.Ceiling(step.CpuTimeSeconds));
        args.AddRange([
            options.PrlimitPath,
            $"--as={(long)step.MemoryMb * 1024 * 1024}",
            $"--cpu={cpuSoft}:{cpuSoft + 1}",
            $"--fsize={(long)step.MaxFileSizeKb * 1024}",
            "--nofile=256",
            "--core=0",
        ]);
        if (resources.CgroupProcsFiles.Count == 0)
        {
            // Without a pids cgroup, the sandbox user's process limit is what stops a fork bomb.
            args.Add($"--nproc={ProcessLimit(host)}");
        }
        args.AddRange(["--", options.BwrapPath, .. Bwrap(host, step, resources), "--", Shell, "-c", StartedMark, "sh"]);
        if (resources.StatsFile is not null && resources.MeasureHelper is not null)
        {
            args.AddRange([MeasurePath, SandboxDescriptors.Stats.ToString(CultureInfo.InvariantCulture)]);
        }
        args.AddRange(step.Command);
        return args;
    }

    private static List<string> Bwrap(SandboxHost host, SandboxStep step, StepResources resources)
    {
        var args = new List<string>(host.SystemMountArguments());
        args.AddRange([
            "--dev", "/dev",
            "--proc", "/proc",
            "--perms", "0555", "--size", Bytes(SmallTmpfsBytes), "--tmpfs", "/tmp",
            "--size", Bytes((long)step.MemoryMb << 20), "--tmpfs", SandboxStep.BoxPath,
            "--size", Bytes(SmallTmpfsBytes), "--tmpfs", "/dev/shm",
            "--remount-ro", "/dev",
        ]);
        if (step.Input is { } input)
        {
            args.AddRange(["--perms", input.Executable ? "0555" : "0444", "--ro-bind-data", Fd(SandboxDescriptors.Input), input.SandboxPath]);
        }
        if (resources.StatsFile is not null && resources.MeasureHelper is not null)
        {
            args.AddRange(["--perms", "0555", "--ro-bind-data", Fd(SandboxDescriptors.MeasureHelper), MeasurePath]);
        }
        if (resources.SeccompFilter is not null)
        {
            args.AddRange(["--seccomp", Fd(SandboxDescriptors.Seccomp)]);
        }
        args.AddRange([
            "--chdir", SandboxStep.BoxPath,
            "--remount-ro", "/",
            "--unshare-all", "--unshare-user", "--disable-userns",
            "--hostname", "codecrafts",
            "--die-with-parent", "--new-session",
            "--clearenv",
            "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin",
            "--setenv", "HOME", SandboxStep.BoxPath,
            "--setenv", "TMPDIR", SandboxStep.BoxPath,
            "--setenv", "LANG", "C.UTF-8",
        ]);
        return args;
    }

    private static string Fd(int descriptor) => descriptor.ToString(CultureInfo.InvariantCulture);

    private static string Bytes(long bytes) => bytes.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// RLIMIT_NPROC counts every process and thread of the user, not just this run's, so it allows the
    /// runs at once their share. As nobody that is only sandboxed code; as an ordinary user it includes
    /// the service itself, so that count is added.
    /// </summary>
    private static int ProcessLimit(SandboxHost host)
    {
        var share = host.Options.MaxProcesses * host.Options.MaxConcurrentRuns;
        return host.IsRoot ? share : share + UserTasks.CountForCurrentUser();
    }
}
