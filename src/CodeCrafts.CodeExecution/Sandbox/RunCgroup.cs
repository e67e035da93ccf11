using System.Globalization;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>
/// One sandboxed program's cgroup: its memory (tmpfs pages included), process count and CPU share are
/// bounded as a whole, and its CPU time and OOM kills are read from the kernel's accounting, which
/// counts orphaned and unreaped processes too and which nothing inside the sandbox can write.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed partial class RunCgroup : IDisposable
{
    private const long CpuPeriodMicroseconds = 100_000;

    private readonly int _version;
    private readonly IReadOnlyDictionary<string, string> _folders;
    private readonly ILogger _logger;

    private RunCgroup(int version, IReadOnlyDictionary<string, string> folders, ILogger logger)
    {
        _version = version;
        _folders = folders;
        _logger = logger;
    }

    /// <summary>The files a wrapper writes its PID to, before it starts the sandbox, to put everything it starts in here.</summary>
    public IReadOnlyList<string> ProcsFiles => Distinct.Select(f => Path.Combine(f, "cgroup.procs")).ToList();

    private IEnumerable<string> Distinct => _folders.Values.Distinct();

    public static RunCgroup Create(int version, IReadOnlyDictionary<string, string> parents, string name, CgroupLimits limits, ILogger logger)
    {
        var cgroup = new RunCgroup(version, parents.ToDictionary(p => p.Key, p => Path.Combine(p.Value, name)), logger);
        try
        {
            foreach (var folder in cgroup.Distinct)
            {
                Directory.CreateDirectory(folder);
            }
            cgroup.Limit(limits);
            return cgroup;
        }
        catch
        {
            cgroup.Dispose();
            throw;
        }
    }

    public CgroupUsage Read()
    {
        var cpuSeconds = _version == 1
            ? long.Parse(ReadFile("cpuacct", "cpuacct.usage"), CultureInfo.InvariantCulture) / 1e9
            : CgroupFile.Field(ReadFile("cpu", "cpu.stat"), "usage_usec") / 1e6;
        var peakBytes = _version == 1
            ? long.Parse(ReadFile("memory", "memory.max_usage_in_bytes"), CultureInfo.InvariantCulture)
            : File.Exists(FilePath("memory", "memory.peak")) ? long.Parse(ReadFile("memory", "memory.peak"), CultureInfo.InvariantCulture) : (long?)null;
        var oomKills = CgroupFile.Field(ReadFile("memory", _version == 1 ? "memory.oom_control" : "memory.events"), "oom_kill");
        return new CgroupUsage(cpuSeconds, peakBytes / 1024, oomKills > 0);
    }

    /// <summary>Kills whatever is still inside, then removes the cgroup; the kernel may need a moment before rmdir succeeds.</summary>
    public void Dispose()
    {
        KillAll();
        foreach (var folder in Distinct)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    if (Directory.Exists(folder))
                    {
                        Directory.Delete(folder);
                    }
                    break;
                }
                catch (IOException) when (attempt < 40)
                {
                    KillAll();
                    Thread.Sleep(Math.Min(100, 5 * (attempt + 1)));
                }
                catch (IOException ex)
                {
                    LogNotRemoved(_logger, folder, ex.Message);
                    break;
                }
            }
        }
    }

    private void Limit(CgroupLimits limits)
    {
        var memory = limits.MemoryBytes.ToString(CultureInfo.InvariantCulture);
        var quota = ((long)Math.Ceiling(limits.Cores * CpuPeriodMicroseconds)).ToString(CultureInfo.InvariantCulture);
        WriteFile("pids", "pids.max", limits.Processes.ToString(CultureInfo.InvariantCulture));
        if (_version == 1)
        {
            WriteFile("memory", "memory.limit_in_bytes", memory);
            // Where swap is accounted, memory+swap gets the same bound, so the program cannot page itself out past it.
            WriteIfPresent("memory", "memory.memsw.limit_in_bytes", memory);
            WriteFile("cpu", "cpu.cfs_period_us", CpuPeriodMicroseconds.ToString(CultureInfo.InvariantCulture));
            WriteFile("cpu", "cpu.cfs_quota_us", quota);
            // Touched now so a missing accounting file fails the start-up probe, not a learner's verdict.
            ReadFile("cpuacct", "cpuacct.usage");
            ReadFile("memory", "memory.oom_control");
        }
        else
        {
            WriteFile("memory", "memory.max", memory);
            WriteIfPresent("memory", "memory.swap.max", "0");
            WriteFile("cpu", "cpu.max", $"{quota} {CpuPeriodMicroseconds.ToString(CultureInfo.InvariantCulture)}");
            ReadFile("cpu", "cpu.stat");
            ReadFile("memory", "memory.events");
        }
    }

    /// <summary>SIGKILL for everything still inside: orphans the program left, whatever escaped the PID namespace's end.</summary>
    public void KillAll()
    {
        var kill = FilePath("pids", "cgroup.kill");
        if (_version == 2 && File.Exists(kill))
        {
            CgroupFile.TryWrite(kill, "1");
            return;
        }
        // v1 has no cgroup.kill. Nothing new can start once everything listed is dead, so a few passes do.
        for (var pass = 0; pass < 20; pass++)
        {
            var any = false;
            foreach (var procs in ProcsFiles.Where(File.Exists))
            {
                foreach (var line in File.ReadAllLines(procs))
                {
                    if (int.TryParse(line, CultureInfo.InvariantCulture, out var pid))
                    {
                        any |= Posix.Kill(pid);
                    }
                }
            }
            if (!any)
            {
                return;
            }
            Thread.Sleep(5);
        }
    }

    private string FilePath(string controller, string file) => Path.Combine(_folders[controller], file);

    private string ReadFile(string controller, string file) => File.ReadAllText(FilePath(controller, file)).Trim();

    private void WriteFile(string controller, string file, string value)
    {
        var path = FilePath(controller, file);
        // In a cgroup file system the kernel creates these files with the folder; anywhere else they are missing.
        if (!File.Exists(path))
        {
            throw new IOException($"{_folders[controller]} is not a cgroup (it has no {file})");
        }
        File.WriteAllText(path, value);
    }

    private void WriteIfPresent(string controller, string file, string value)
    {
        if (File.Exists(FilePath(controller, file)))
        {
            WriteFile(controller, file, value);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sandbox's cgroup {Folder} could not be removed: {Reason}")]
    private static partial void LogNotRemoved(ILogger logger, string folder, string reason);
}
