using System.Runtime.Versioning;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>The three kinds of sandboxed step: compiling C++, running one test, and the health probe.</summary>
[UnsupportedOSPlatform("windows")]
internal sealed partial class SandboxSteps(SandboxHost host, ILogger<SandboxSteps> logger)
{
    private const string ProgramPath = "/sandbox/program";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly TimeSpan WallTimeMargin = TimeSpan.FromSeconds(1);

    public async Task<bool> MeasuresAsync() => await host.MeasureHelperAsync() is not null;

    /// <summary>One test in a fresh scratch folder: the Python source, or the compiled program mounted read-only.</summary>
    public Task<StepOutcome> RunTestAsync(string run, int index, CodeRunRequest request, string? program, TestInput test, CancellationToken cancellationToken)
    {
        var name = $"test-{index}";
        var box = ScratchFolder.CreateWritable(run, name, host.IsRoot);
        if (program is not null)
        {
            return StartAsync(run, name, box, [ProgramPath], [(program, ProgramPath)], test.Stdin, request.Limits, cancellationToken);
        }
        ScratchFolder.WriteReadable(Path.Combine(box, "main.py"), request.Source);
        // -I: no user site-packages or PYTHON* variables; -B: the folder is for the program's own files.
        return StartAsync(run, name, box, [host.Options.PythonPath, "-I", "-B", "main.py"], [], test.Stdin, request.Limits, cancellationToken);
    }

    /// <summary>Compiles in the sandbox too: a compiler fed hostile source is attack surface as well.</summary>
    public async Task<Compilation> CompileAsync(string run, string source, CancellationToken cancellationToken)
    {
        var options = host.Options;
        var box = ScratchFolder.CreateWritable(run, "compile", host.IsRoot);
        ScratchFolder.WriteReadable(Path.Combine(box, "main.cpp"), source);
        var limits = new RunLimits(options.CompileCpuTimeSeconds, options.CompileMemoryMb);
        string[] command = [options.CppCompilerPath, .. CompileCache.Flags, "-o", "main", "main.cpp"];
        var outcome = await StartAsync(run, "compile", box, command, [], "", limits, cancellationToken, maxFileSizeKb: 256 * 1024);

        if (SandboxVerdicts.SandboxFailed(outcome, await MeasuresAsync()))
        {
            LogSandboxFailed(logger, outcome.Stderr);
            return new Compilation(null, null, FromCache: false);
        }
        if (outcome.WallTimeExceeded)
        {
            return new Compilation(null, $"Compilation took longer than {WallTime(limits).TotalSeconds:0} s.", FromCache: false);
        }
        var binary = Path.Combine(box, "main");
        if (outcome.ExitCode == 0 && File.Exists(binary))
        {
            return new Compilation(binary, null, FromCache: false);
        }
        var output = (outcome.Stderr + outcome.Stdout).Trim();
        return new Compilation(null, output.Length > 0 ? output : $"The compiler exited with code {outcome.ExitCode}.", FromCache: false);
    }

    /// <summary>Starts one real sandbox; null when it works, otherwise why not.</summary>
    public async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        var run = ScratchFolder.CreateRun(host.RunsDirectory);
        try
        {
            var box = ScratchFolder.CreateWritable(run, "probe", host.IsRoot);
            var limits = new RunLimits(2, 256);
            var outcome = await StartAsync(run, "probe", box, [host.Options.PythonPath, "-I", "-c", "print('ok')"], [], "", limits, cancellationToken);
            var result = SandboxVerdicts.Judge(outcome, new TestInput("", "ok"), limits, await MeasuresAsync());
            return result.Verdict == Verdict.Accepted ? null : $"{result.Message ?? result.Verdict.ToString()} {outcome.Stderr.Trim()}".Trim();
        }
        finally
        {
            ScratchFolder.Delete(run);
        }
    }

    private static TimeSpan WallTime(RunLimits limits) => TimeSpan.FromSeconds(limits.CpuTimeSeconds * 2) + WallTimeMargin;

    private async Task<StepOutcome> StartAsync(
        string run, string name, string box, IReadOnlyList<string> command, IReadOnlyList<(string, string)> files,
        string stdin, RunLimits limits, CancellationToken cancellationToken, int? maxFileSizeKb = null)
    {
        var step = new SandboxStep
        {
            BoxFolder = box,
            StatsFile = ScratchFolder.CreateWritableFile(run, name + ".stats", host.IsRoot),
            Command = command,
            ReadOnlyFiles = files,
            Stdin = Utf8.GetBytes(stdin),
            CpuTimeSeconds = limits.CpuTimeSeconds,
            MemoryMb = limits.MemoryMb,
            WallTime = WallTime(limits),
            OutputLimitBytes = host.Options.OutputLimitBytes,
            MaxFileSizeKb = maxFileSizeKb ?? host.Options.MaxFileSizeKb,
        };
        return await SandboxProcess.RunAsync(host, await host.MeasureHelperAsync(), step, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sandbox could not start the compiler: {Stderr}")]
    private static partial void LogSandboxFailed(ILogger logger, string stderr);
}
