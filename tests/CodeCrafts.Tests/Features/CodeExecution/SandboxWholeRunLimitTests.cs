using System.Globalization;
using System.Runtime.Versioning;
using CodeCrafts.CodeExecution;

namespace CodeCrafts.Tests.Features.CodeExecution;

/// <summary>
/// Memory, processes and CPU are bounded per run, whatever the program spreads them over: tmpfs
/// folders, many processes, orphans. Each test first checks that the cgroups are in force: without them
/// these programs would take the machine's memory and processes for real.
/// </summary>
[Collection(SandboxCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class SandboxWholeRunLimitTests : IAsyncDisposable
{
    private readonly Sandbox _sandbox = Sandbox.Create();

    public SandboxWholeRunLimitTests() =>
        Assert.True(_sandbox.Host.Cgroups is not null, $"the sandbox has no cgroups here: {_sandbox.Host.CgroupProblem}");

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();

    [Theory]
    [InlineData("/tmp")]
    [InlineData("/box")]
    [InlineData("/dev/shm")]
    public async Task FillingATmpfsStopsAtTheLimitAndTheMemoryIsBackAfterwards(string folder)
    {
        var before = ShmemKb();

        var result = await _sandbox.PythonAsync($$"""
            import os
            os.chmod("{{folder}}", 0o777)  # the sandbox user owns its tmpfs, so this works
            chunk = b"x" * (1 << 20)
            with open("{{folder}}/fill", "wb") as f:
                for _ in range(1024):
                    f.write(chunk)
                    f.flush()
            print("wrote a gibibyte")
            """, memoryMb: 256);

        Assert.Contains(result.Verdict, new[] { Verdict.MemoryLimitExceeded, Verdict.RuntimeError });
        // tmpfs pages are shared memory: had the folder outlived the run, Shmem would stay up by its size.
        Assert.True(await SandboxProcesses.EventuallyAsync(() => ShmemKb() < before + 128 * 1024),
            $"shared memory went from {before} KiB to {ShmemKb()} KiB");
    }

    [Fact]
    public async Task SixtyProcessesOfTwoHundredMegabytesEachGetAMemoryVerdict()
    {
        var result = await _sandbox.PythonAsync("""
            import os, time
            children = []
            for _ in range(60):
                try:
                    pid = os.fork()
                except OSError:
                    break
                if pid == 0:
                    data = bytearray(200 * 1024 * 1024)  # zero-filled, so every page is touched
                    time.sleep(2)
                    os._exit(0)
                children.append(pid)
            for pid in children:
                os.waitpid(pid, 0)
            print("all", len(children), "survived")
            """, memoryMb: 256);

        Assert.Equal(Verdict.MemoryLimitExceeded, result.Verdict);
    }

    [Fact]
    public async Task AForkBombInOneRunDoesNotStopFourOthersFromStartingProcesses()
    {
        var marker = SandboxProcesses.Marker();
        await using var sandbox = Sandbox.Create(new Dictionary<string, string?> { ["MaxConcurrentRuns"] = "5" });
        var bomb = sandbox.PythonAsync(SandboxProcesses.ForkBomb(marker), cpuSeconds: 1);
        Assert.True(await SandboxProcesses.EventuallyAsync(() => SandboxProcesses.With(marker).Count >= 16), "the fork bomb never got going");

        var others = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => sandbox.PythonAsync($$"""
            import subprocess
            children = [subprocess.Popen(["/usr/bin/true"]) for _ in range(8)]
            print(sum(child.wait() == 0 for child in children) * {{i}})
            """, expected: $"{8 * i}\n")));
        var bombed = await bomb;

        Assert.All(others, r => Assert.True(r.Verdict == Verdict.Accepted, $"{r.Verdict}: {string.Join("", r.Tests.Select(t => t.Stderr))}"));
        Assert.Contains(bombed.Verdict, new[] { Verdict.TimeLimitExceeded, Verdict.RuntimeError });
        Assert.Empty(SandboxProcesses.With(marker));
    }

    [Fact]
    public async Task ADoubleForkedCpuBurnerThatOutlivesItsParentCountsTowardsTheTimeLimit()
    {
        var marker = SandboxProcesses.Marker();

        // Three burners, orphaned by their parent's exit, each report 0.6 s of their own CPU before the
        // program ends: 1.8 s in all against a 1 s limit, none of it in the program's own rusage.
        var result = await _sandbox.PythonAsync($$"""
            import os
            burn = "import os, sys, time\nstart = time.process_time()\nwhile time.process_time() - start < 0.6: pass\nos.write(int(sys.argv[1]), b'x')\nwhile True: pass\n"
            r, w = os.pipe()
            os.set_inheritable(w, True)
            if os.fork() == 0:
                for _ in range(3):
                    if os.fork() == 0:
                        os.execv("/usr/bin/python3", ["python3", "-c", burn, str(w), "{{marker}}"])
                os._exit(0)
            os.close(w)
            os.wait()
            reported = 0
            while reported < 3:
                got = os.read(r, 3)
                if not got:
                    break
                reported += len(got)
            print("done")
            """, expected: "done\n", cpuSeconds: 1);

        Assert.Equal(Verdict.TimeLimitExceeded, result.Verdict);
        Assert.Empty(SandboxProcesses.With(marker));
    }

    [Fact]
    public async Task WritingToTheStatsFileOrAnyReachableDescriptorDoesNotChangeTheVerdict()
    {
        // 0.7 s of CPU in a child and 0.7 s in the parent, 1.4 s against a 1 s limit; then an orphan keeps
        // writing "no time used" wherever a measuring helper could keep its figures, until the run ends.
        var result = await _sandbox.PythonAsync("""
            import os, time
            def burn(seconds):
                start = time.process_time()
                while time.process_time() - start < seconds:
                    pass
            def forge():
                targets = ["/sandbox/stats"]
                for pid in filter(str.isdigit, os.listdir("/proc")):
                    try:
                        targets += [f"/proc/{pid}/fd/{fd}" for fd in os.listdir(f"/proc/{pid}/fd") if int(fd) > 2]
                    except OSError:
                        pass
                for target in targets:
                    try:
                        with open(target, "w") as f:
                            f.write("0 0 0\n")
                    except OSError:
                        pass
            if os.fork() == 0:
                burn(0.7)
                os._exit(0)
            burn(0.7)
            os.wait()
            if os.fork() == 0:
                while True:
                    forge()
                    time.sleep(0.01)
            forge()
            print("fast")
            """, expected: "fast\n", cpuSeconds: 1);

        // On a quiet machine the CPU time decides, on a busy one the wall clock may come first: both are this verdict.
        Assert.Equal(Verdict.TimeLimitExceeded, result.Verdict);
    }

    private static long ShmemKb()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("Shmem:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
