using System.Runtime.Versioning;
using System.Security.Cryptography;
using CodeCrafts.CodeExecution;
using CodeCrafts.CodeExecution.Sandbox;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace CodeCrafts.Tests.Features.CodeExecution;

/// <summary>The work folder is private, its helpers are the service's own, and a host without cgroups still runs code.</summary>
[Collection(SandboxCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class SandboxWorkFolderTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [Fact]
    public async Task TheDefaultWorkFolderIsPrivateAndNotTheOldPathInTmp()
    {
        await using var sandbox = Sandbox.Create(new Dictionary<string, string?> { ["WorkDirectory"] = null });

        var result = await sandbox.PythonAsync("print('ok')", expected: "ok\n");

        Assert.Equal(Verdict.Accepted, result.Verdict);
        Assert.False(sandbox.Host.WorkDirectory.StartsWith(Path.GetTempPath(), StringComparison.Ordinal), sandbox.Host.WorkDirectory);
        foreach (var folder in new[] { sandbox.Host.WorkDirectory, sandbox.Host.RunsDirectory, sandbox.Host.CacheDirectory, sandbox.Host.HelpersDirectory })
        {
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(folder));
        }
    }

    [Fact]
    public async Task AHelperPlantedInTheOldWorkFolderIsNeverRun()
    {
        var witness = Path.Combine(Path.GetTempPath(), $"planted-helper-ran-{Guid.NewGuid():N}");
        var oldFolder = Path.Combine(Path.GetTempPath(), $"codecrafts-sandbox-{Environment.UserName}");
        Directory.CreateDirectory(oldFolder);
        var planted = Path.Combine(oldFolder, $"measure-{MeasureSourceHash()}");
        Plant(planted, witness);
        try
        {
            await using var sandbox = Sandbox.Create(new Dictionary<string, string?> { ["WorkDirectory"] = null });

            var result = await sandbox.PythonAsync("print('ok')", expected: "ok\n");

            Assert.Equal(Verdict.Accepted, result.Verdict);
            Assert.False(File.Exists(witness), "the planted helper ran");
        }
        finally
        {
            File.Delete(planted);
            File.Delete(witness);
        }
    }

    [Fact]
    public async Task AHelperReplacedAfterItWasBuiltIsRebuiltNotRun()
    {
        var witness = Path.Combine(Path.GetTempPath(), $"replaced-helper-ran-{Guid.NewGuid():N}");
        var logs = new CapturedLogs();
        await using var sandbox = Sandbox.Create(logs: logs);
        var helper = await sandbox.Host.MeasureHelperAsync();
        Assert.NotNull(helper);
        File.Delete(helper);
        Plant(helper, witness);

        var result = await sandbox.PythonAsync("print('ok')", expected: "ok\n");

        Assert.Equal(Verdict.Accepted, result.Verdict);
        Assert.False(File.Exists(witness), "the replaced helper ran");
        Assert.Contains(logs.AtLeast(LogLevel.Warning), m => m.Contains("changed on disk", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWorkFolderOwnedByAnotherUserIsRefusedAndTheLogSaysWhy()
    {
        var folder = Directory.CreateTempSubdirectory("codecrafts-foreign-").FullName;
        try
        {
            Assert.Equal(0, (await ExternalProcess.RunAsync("/usr/bin/chown", ["65533:65533", folder])).ExitCode);
            var logs = new CapturedLogs();
            await using var sandbox = Sandbox.Create(new Dictionary<string, string?> { ["WorkDirectory"] = folder }, logs);

            var refused = await Assert.ThrowsAsync<CodeRunnerUnavailableException>(() => sandbox.PythonAsync("print('ok')", expected: "ok\n"));
            var health = await sandbox.Runner.CheckHealthAsync(TestContext.Current.CancellationToken);

            Assert.Contains("work folder is not private", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("apt-get", refused.Message, StringComparison.Ordinal);
            Assert.Equal(HealthStatus.Unhealthy, health.Status);
            Assert.Contains(logs.AtLeast(LogLevel.Error), m => m.Contains($"{folder} belongs to user 65533", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task WithoutUsableCgroupsCodeStillRunsWithOneWarning()
    {
        // Folders where the cgroup hierarchies would be, but not cgroup file systems: the kernel's files never appear.
        var root = Directory.CreateTempSubdirectory("codecrafts-no-cgroups-").FullName;
        foreach (var line in File.ReadAllLines("/proc/self/cgroup").Select(l => l.Split(':', 3)))
        {
            foreach (var controller in line[1].Split(',').Intersect(["memory", "pids", "cpu", "cpuacct"]))
            {
                Directory.CreateDirectory(Path.Join(root, controller, line[2]));
            }
        }
        try
        {
            var logs = new CapturedLogs();
            await using var sandbox = Sandbox.Create(new Dictionary<string, string?> { ["CgroupRoot"] = root }, logs);

            var first = await sandbox.PythonAsync("print('ok')", expected: "ok\n");
            var second = await sandbox.PythonAsync("while True:\n    pass\n", cpuSeconds: 1);
            var health = await sandbox.Runner.CheckHealthAsync(TestContext.Current.CancellationToken);

            Assert.Null(sandbox.Host.Cgroups);
            Assert.Equal(Verdict.Accepted, first.Verdict);
            Assert.Equal(Verdict.TimeLimitExceeded, second.Verdict);
            Assert.Single(logs.AtLeast(LogLevel.Warning), m => m.Contains("without cgroups", StringComparison.Ordinal));
            Assert.Equal(HealthStatus.Degraded, health.Status);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A "helper" that leaves a witness file and then does what the real one would.</summary>
    private static void Plant(string path, string witness)
    {
        File.WriteAllText(path, $"#!/bin/sh\ntouch {witness}\nshift 2\nexec \"$@\"\n");
        File.SetUnixFileMode(path, OwnerOnly);
    }

    /// <summary>The old service named its helper after the source's hash, so that is where an attacker would plant one.</summary>
    private static string MeasureSourceHash()
    {
        using var source = typeof(SandboxHost).Assembly.GetManifestResourceStream("measure.c")!;
        return Convert.ToHexStringLower(SHA256.HashData(source))[..16];
    }
}
