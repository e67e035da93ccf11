using System.Runtime.Versioning;
using CodeCrafts.CodeExecution;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CodeCrafts.Tests.Features.CodeExecution;

/// <summary>The concurrency cap, the bounded queue, the compile cache, and refusing to run without bwrap.</summary>
[Collection(SandboxCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class SandboxCapacityTests
{
    [Fact]
    public async Task TwentyConcurrentSubmissionsAllCompleteWithinTheConcurrencyCap()
    {
        await using var sandbox = Sandbox.Create(new Dictionary<string, string?> { ["MaxConcurrentRuns"] = "2", ["QueueLength"] = "20" });

        var runs = Enumerable.Range(1, 20)
            .Select(i => sandbox.PythonAsync("import time\ntime.sleep(0.2)\nprint(int(input()) * 2)", stdin: $"{i}\n", expected: $"{i * 2}\n"))
            .ToList();
        var results = await Task.WhenAll(runs);

        Assert.All(results, r => Assert.Equal(Verdict.Accepted, r.Verdict));
        Assert.Equal(2, sandbox.Runner.Gate.Peak);
        Assert.Equal(0, sandbox.Runner.Gate.Active);
    }

    [Fact]
    public async Task ASubmissionBeyondTheFullQueueIsRefusedAsBusyAndTheOthersStillFinish()
    {
        await using var sandbox = Sandbox.Create(new Dictionary<string, string?> { ["MaxConcurrentRuns"] = "1", ["QueueLength"] = "1" });
        const string slow = "import time\ntime.sleep(1.5)\nprint('slow')";

        var running = sandbox.PythonAsync(slow, expected: "slow\n", cpuSeconds: 2);
        await WaitUntil(() => sandbox.Runner.Gate.Active == 1);
        var queued = sandbox.PythonAsync(slow, expected: "slow\n", cpuSeconds: 2);
        await WaitUntil(() => sandbox.Runner.Gate.Waiting == 1);
        var refused = await Assert.ThrowsAsync<CodeRunnerBusyException>(() => sandbox.PythonAsync("print('one too many')"));

        Assert.True(refused.RetryAfter > TimeSpan.Zero);
        Assert.Equal(Verdict.Accepted, (await running).Verdict);
        Assert.Equal(Verdict.Accepted, (await queued).Verdict);
    }

    [Fact]
    public async Task ACppResubmissionIsServedFromTheCompileCache()
    {
        var source = $"// {Guid.NewGuid()}\n#include <iostream>\nint main() {{ int a, b; std::cin >> a >> b; std::cout << a + b << '\\n'; }}\n";
        await using var first = Sandbox.Create();
        await using var restarted = Sandbox.Create();

        var compiled = await first.CppAsync(source, stdin: "2 3", expected: "5");
        var resubmitted = await first.CppAsync(source, stdin: "4 5", expected: "9");
        var afterRestart = await restarted.CppAsync(source, stdin: "6 7", expected: "13");

        Assert.Equal([Verdict.Accepted, Verdict.Accepted, Verdict.Accepted], [compiled.Verdict, resubmitted.Verdict, afterRestart.Verdict]);
        Assert.Equal(1, first.Cache.Compilations);
        Assert.Equal(0, restarted.Cache.Compilations);
    }

    [Fact]
    public async Task ACompilationErrorIsCachedToo()
    {
        var source = $"// {Guid.NewGuid()}\nint main() {{ return undeclared; }}\n";
        await using var sandbox = Sandbox.Create();

        var first = await sandbox.CppAsync(source);
        var second = await sandbox.CppAsync(source);

        Assert.Equal(Verdict.CompilationError, second.Verdict);
        Assert.Equal(first.CompileOutput, second.CompileOutput);
        Assert.Equal(1, sandbox.Cache.Compilations);
    }

    [Fact]
    public async Task WithoutBubblewrapNothingRunsAndTheRunnerSaysWhatToInstall()
    {
        await using var sandbox = Sandbox.Create(new Dictionary<string, string?> { ["BwrapPath"] = "/nonexistent/bwrap" });
        var witness = Path.Combine(Path.GetTempPath(), $"unsandboxed-{Guid.NewGuid():N}");

        var refused = await Assert.ThrowsAsync<CodeRunnerUnavailableException>(
            () => sandbox.PythonAsync($"open('{witness}', 'w').write('ran')\nprint('ran')", expected: "ran\n"));
        var health = await sandbox.Runner.CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Contains("/nonexistent/bwrap is missing (install bubblewrap)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("JUDGE0_API_URL", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.Contains("bubblewrap", health.Description, StringComparison.Ordinal);
        Assert.False(File.Exists(witness));
    }

    [Fact]
    public async Task AWorkingSandboxIsHealthy()
    {
        await using var sandbox = Sandbox.Create();

        var health = await sandbox.Runner.CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
