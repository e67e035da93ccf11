using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using CodeCrafts.CodeExecution;
using CodeCrafts.Tests.Infrastructure;

namespace CodeCrafts.Tests.Features.CodeExecution;

/// <summary>Hostile programs get nowhere, and nothing they start outlives their run.</summary>
[Collection(SandboxCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class SandboxIsolationTests : IAsyncDisposable
{
    private readonly Sandbox _sandbox = Sandbox.Create();

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();

    [Fact]
    public async Task AProgramCannotConnectToAPortListeningOnTheHostsLoopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = listener.AcceptTcpClientAsync(TestContext.Current.CancellationToken).AsTask();

        var result = await _sandbox.PythonAsync($$"""
            import socket
            try:
                socket.create_connection(("127.0.0.1", {{port}}), timeout=2).send(b"hello")
                print("connected")
            except OSError as e:
                print("refused")
            """, expected: "refused\n");

        Assert.Equal(Verdict.Accepted, result.Verdict);
        Assert.False(accepted.IsCompleted, "the listener accepted a connection from the sandbox");
    }

    [Fact]
    public async Task AProgramCanWriteOnlyInsideItsScratchFolder()
    {
        var outside = new[] { "/tmp/x", "/etc/x", "/usr/x", "/x", "/sandbox/x", Path.Combine(Sandbox.WorkDirectory, "x"), "/box/../x" };
        var paths = string.Join(", ", outside.Select(p => $"\"{p}\""));

        var result = await _sandbox.PythonAsync($$"""
            for path in [{{paths}}]:
                try:
                    open(path, "w").write("x")
                    print("wrote", path)
                except OSError:
                    print("denied")
            open("inside.txt", "w").write("fine")
            print(open("inside.txt").read())
            """, expected: string.Concat(Enumerable.Repeat("denied\n", outside.Length)) + "fine\n");

        Assert.True(result.Verdict == Verdict.Accepted, result.Tests[0].Stdout + result.Tests[0].Stderr);
        Assert.False(File.Exists(Path.Combine(Sandbox.WorkDirectory, "x")));
    }

    [Fact]
    public async Task OfEtcOnlyTheToolchainsFilesAreVisible()
    {
        var result = await _sandbox.PythonAsync("""
            import os
            print([os.path.exists(p) for p in ["/etc/shadow", "/etc/passwd", "/etc/hostname", "/etc/ld.so.cache"]])
            """, expected: "[False, False, False, True]\n");

        Assert.True(File.Exists("/etc/passwd"));
        Assert.True(result.Verdict == Verdict.Accepted, result.Tests[0].Stdout + result.Tests[0].Stderr);
    }

    [Fact]
    public async Task TheServicesOwnFilesAreNotVisible()
    {
        var result = await _sandbox.PythonAsync($$"""
            import os
            print(os.path.exists("{{CurriculumCodeQuestions.LessonsFolder}}"), os.path.exists("{{AppContext.BaseDirectory}}"))
            """, expected: "False False\n");

        Assert.True(File.Exists(Path.Combine(CurriculumCodeQuestions.LessonsFolder, "python-05-loops.json")));
        Assert.Equal(Verdict.Accepted, result.Verdict);
    }

    [Fact]
    public async Task AForkBombIsContainedAndLeavesNoProcessBehind()
    {
        var marker = SandboxProcesses.Marker();

        var result = await _sandbox.PythonAsync(SandboxProcesses.ForkBomb(marker), cpuSeconds: 1);
        var after = await _sandbox.PythonAsync("print('ok')", expected: "ok\n");

        Assert.Contains(result.Verdict, new[] { Verdict.TimeLimitExceeded, Verdict.RuntimeError });
        Assert.Empty(SandboxProcesses.With(marker));
        Assert.Equal(Verdict.Accepted, after.Verdict);
    }

    [Fact]
    public async Task ADaemonStartedByTheProgramDoesNotOutliveTheRun()
    {
        var marker = SandboxProcesses.Marker();

        var result = await _sandbox.PythonAsync($$"""
            import os
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    os.execv("/usr/bin/sleep", ["sleep", "600", "{{marker}}"])
                os._exit(0)
            print("done")
            """, expected: "done\n");

        Assert.Equal(Verdict.Accepted, result.Verdict);
        Assert.Empty(SandboxProcesses.With(marker));
        Assert.Empty(Directory.GetFileSystemEntries(Sandbox.RunsDirectory));
    }

    [Fact]
    public async Task PrintingAHundredMegabytesIsCutAtTheOutputLimit()
    {
        var result = await _sandbox.PythonAsync("""
            import sys
            chunk = "x" * (1024 * 1024)
            for _ in range(100):
                sys.stdout.write(chunk)
            """);

        Assert.Equal(Verdict.RuntimeError, result.Verdict);
        Assert.Contains("Output limit", result.Tests[0].Message, StringComparison.Ordinal);
        Assert.Equal(1024 * 1024, result.Tests[0].Stdout.Length);
    }

    [Fact]
    public async Task EachRunsScratchFolderIsDeletedAfterwards()
    {
        var result = await _sandbox.PythonAsync("open('big.bin', 'wb').write(b'x' * 1000000)\nprint('ok')", expected: "ok\n");

        Assert.Equal(Verdict.Accepted, result.Verdict);
        Assert.Empty(Directory.GetFileSystemEntries(Sandbox.RunsDirectory));
    }

    [Fact]
    public async Task TheHelperAroundEachStepKillsItsChainAtTheBackstopEvenWithoutTheService()
    {
        var helper = await _sandbox.Host.MeasureHelperAsync();

        // Started directly, as if the service had died: nothing but the helper's own clock stops it.
        var result = await ExternalProcess.RunAsync(helper!, ["--reap", "1", "/usr/bin/sleep", "600"], timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(128 + 9, result.ExitCode);
    }
}
