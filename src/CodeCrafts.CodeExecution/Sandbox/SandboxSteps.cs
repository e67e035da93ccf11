using System.Globalization;
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

    /// <summary>One test: the Python source, or the compiled program, copied into a fresh sandbox.</summary>
    public Task<StepOutcome> RunTestAsync(string run, int index, CodeRunRequest request, string? program, TestInput test, CancellationToken cancellationToken)
    {
        var name = $"test-{index}";
        if (program is not null)
        {
            return StartAsync(run, name, [ProgramPath], new SandboxInput(program, ProgramPath, Executable: true), test.Stdin, request.Limits, cancellationToken);
        }
        var source = Path.Combine(run, "main.py");
        if (!File.Exists(source))
        {
            File.WriteAllText(source, request.Source);
        }
        // -I: no user site-packages or PYTHON* variables; -B: no bytecode files next to the source.
        return StartAsync(run, name, [host.Options.PythonPath, "-I", "-B", "main.py"],
            new SandboxInput(source, $"{SandboxStep.BoxPath}/main.py", Executable: false), test.Stdin, request.Limits, cancellationToken);
    }

    /// <summary>
    /// Compiles in the sandbox too: a compiler fed hostile source is attack surface as well. The program
    /// leaves the sandbox through one descriptor to a file of the run, whose size the file-size limit caps.
    /// </summary>
    public async Task<Compilation> CompileAsync(string run, string source, CancellationToken cancellationToken)
    {
        var options = host.Options;
        var sourcePath = Path.Combine(run, "main.cpp");
        await File.WriteAllTextAsync(sourcePath, source, cancellationToken);
        var programPath = Path.Combine(run, "program");
        var limits = new RunLimits(options.CompileCpuTimeSeconds, options.CompileMemoryMb);
        string[] command = ["/bin/sh", "-c", $"\"$@\" && exec cat main >&{SandboxDescriptors.Output}", "sh",
            options.CppCompilerPath, .. CompileCache.Flags, "-o", "main", "main.cpp"];
        var outcome = await StartAsync(run, "compile", command, new SandboxInput(sourcePath, $"{SandboxStep.BoxPath}/main.cpp", Executable: false),
            "", limits, cancellationToken, maxFileSizeKb: options.MaxProgramMb * 1024, outputFile: programPath);
        return CompileOutcomes.Judge(outcome, limits, programPath, options.MaxProgramMb, Log);

        void Log(string stderr) => LogSandboxFailed(logger, stderr);
    }

    /// <summary>Starts one real sandbox; null when it works, otherwise why not.</summary>
    public async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        var run = PrivateFolder.CreateRun(host.RunsDirectory);
        try
        {
            var limits = new RunLimits(2, 256);
            var outcome = await StartAsync(run, "probe", [host.Options.PythonPath, "-I", "-c", "print('ok')"], null, "", limits, cancellationToken);
            var result = SandboxVerdicts.Judge(outcome, new TestInput("", "ok"), limits);
            return result.Verdict == Verdict.Accepted ? null : $"{result.Message ?? result.Verdict.ToString()} {outcome.Stderr.Trim()}".Trim();
        }
        finally
        {
            PrivateFolder.Delete(run);
        }
    }

    public static TimeSpan WallTime(RunLimits limits) => TimeSpan.FromSeconds(limits.CpuTimeSeconds * 2) + WallTimeMargin;

    private Task<StepOutcome> StartAsync(
        string run, string name, IReadOnlyList<string> command, SandboxInput? input, string stdin, RunLimits limits,
        CancellationToken cancellationToken, int? maxFileSizeKb = null, string? outputFile = null)
    {
        var step = new SandboxStep
        {
            RunFolder = run,
            Name = name,
            Command = command,
            Input = input,
            OutputFile = outputFile,
            Stdin = Utf8.GetBytes(stdin),
            CpuTimeSeconds = limits.CpuTimeSeconds,
            MemoryMb = limits.MemoryMb,
            WallTime = WallTime(limits),
            OutputLimitBytes = host.Options.OutputLimitBytes,
            MaxFileSizeKb = maxFileSizeKb ?? host.Options.MaxFileSizeKb,
        };
        return SandboxProcess.RunAsync(host, step, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sandbox could not start the compiler: {Stderr}")]
    private static partial void LogSandboxFailed(ILogger logger, string stderr);
}

/// <summary>
/// What a compilation step's ending means. Only the compiler's own verdict on the source is worth
/// remembering: a time or memory limit hit may be the busy machine's doing, so it is never cached.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class CompileOutcomes
{
    public static Compilation Judge(StepOutcome outcome, RunLimits limits, string programPath, int maxProgramMb, Action<string> logSandboxFailure)
    {
        if (SandboxVerdicts.SandboxFailed(outcome))
        {
            logSandboxFailure(outcome.Stderr);
            return new Compilation(null, null, FromCache: false);
        }
        if (outcome.ExitCode == 0 && !outcome.WallTimeExceeded && File.Exists(programPath) && new FileInfo(programPath).Length > 0)
        {
            return new Compilation(programPath, null, FromCache: false);
        }
        var output = (outcome.Stderr + outcome.Stdout).Trim();
        if (outcome.WallTimeExceeded)
        {
            return Transient($"Compilation took longer than {SandboxSteps.WallTime(limits).TotalSeconds:0} s.");
        }
        if (outcome.OomKilled)
        {
            return Transient($"The compiler ran out of memory ({limits.MemoryMb} MB).");
        }
        // The cgroup's count and the process limit's can differ by a few percent: either one is enough.
        if (outcome.CpuSeconds >= limits.CpuTimeSeconds || output.Contains("CPU time limit exceeded", StringComparison.Ordinal))
        {
            return Transient($"Compilation used more than {limits.CpuTimeSeconds.ToString(CultureInfo.InvariantCulture)} s of CPU time.");
        }
        if (output.Contains("File size limit exceeded", StringComparison.Ordinal) || output.Contains("File too large", StringComparison.Ordinal))
        {
            output += $"\n(A compiled program may be at most {maxProgramMb} MB.)";
        }
        if (output.Length == 0)
        {
            output = $"The compiler exited with code {outcome.ExitCode}.";
        }
        return new Compilation(null, output, FromCache: false) { Cacheable = !HitALimit(output) };
    }

    private static Compilation Transient(string message) => new(null, message, FromCache: false);

    /// <summary>Without a cgroup to ask, the compiler's own words are the only sign that it was stopped rather than done.</summary>
    private static bool HitALimit(string output) =>
        output.Contains("Resource temporarily unavailable", StringComparison.Ordinal)
        || output.Contains("terminated program", StringComparison.Ordinal)
        || output.Contains("memory exhausted", StringComparison.Ordinal)
        || output.Contains("Cannot allocate memory", StringComparison.Ordinal)
        || output.Contains("Killed", StringComparison.Ordinal);
}
