using System.Globalization;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>Turns how a sandboxed test ended into a verdict, the way Judge0 would have judged it.</summary>
internal static class SandboxVerdicts
{
    private const int SignalBase = 128;
    private const int SigKill = 9;
    private const int SigXcpu = 24;

    private static readonly Dictionary<int, string> SignalNames = new()
    {
        [4] = "SIGILL",
        [6] = "SIGABRT",
        [7] = "SIGBUS",
        [8] = "SIGFPE",
        [9] = "SIGKILL",
        [11] = "SIGSEGV",
        [13] = "SIGPIPE",
        [24] = "SIGXCPU",
        [25] = "SIGXFSZ",
        [31] = "SIGSYS",
    };

    /// <summary>
    /// True when the sandbox itself failed to start the program: the mark the sandbox leaves just
    /// before it becomes the program is missing, although nothing was killed.
    /// </summary>
    public static bool SandboxFailed(StepOutcome outcome) =>
        !outcome.Started && !outcome.WallTimeExceeded && !outcome.OutputLimitExceeded;

    public static TestRunResult Judge(StepOutcome outcome, TestInput test, RunLimits limits)
    {
        var time = outcome.CpuSeconds ?? outcome.WallTime.TotalSeconds;
        TestRunResult Result(Verdict verdict, string? message = null) =>
            new(verdict, outcome.Stdout, outcome.Stderr, Math.Round(time, 3), outcome.MaxRssKb, message);

        if (SandboxFailed(outcome))
        {
            var reason = outcome.Stderr.Split('\n', 2)[0].Trim();
            return new TestRunResult(Verdict.InternalError, "", "", null, null,
                reason.Length > 0 ? $"The sandbox could not start the program ({reason})." : "The sandbox could not start the program.");
        }
        if (outcome.OomKilled)
        {
            // The cgroup's own record: whichever of the run's processes the kernel killed, the run used too much.
            return Result(Verdict.MemoryLimitExceeded, $"Memory limit of {limits.MemoryMb} MB exceeded.");
        }
        if (outcome.WallTimeExceeded)
        {
            return Result(Verdict.TimeLimitExceeded, "Stopped at the wall-clock limit.");
        }
        if (outcome.OutputLimitExceeded)
        {
            return Result(Verdict.RuntimeError, "Output limit exceeded: the program wrote too much and was stopped.");
        }
        var signal = outcome.ExitCode > SignalBase ? outcome.ExitCode - SignalBase : 0;
        if (signal == SigXcpu || (signal == SigKill && time >= limits.CpuTimeSeconds) || time > limits.CpuTimeSeconds)
        {
            return Result(Verdict.TimeLimitExceeded, $"CPU time limit of {limits.CpuTimeSeconds.ToString(CultureInfo.InvariantCulture)} s exceeded.");
        }
        if (outcome.ExitCode != 0)
        {
            // The address-space limit makes allocations fail rather than the kernel kill the program.
            if (outcome.Stderr.Contains("MemoryError", StringComparison.Ordinal) || outcome.Stderr.Contains("std::bad_alloc", StringComparison.Ordinal))
            {
                return Result(Verdict.MemoryLimitExceeded, $"Memory limit of {limits.MemoryMb} MB exceeded.");
            }
            return Result(Verdict.RuntimeError, signal > 0
                ? $"Killed by signal {SignalNames.GetValueOrDefault(signal, signal.ToString(CultureInfo.InvariantCulture))}."
                : $"Exited with code {outcome.ExitCode}.");
        }
        return OutputComparer.Matches(test.ExpectedStdout, outcome.Stdout) ? Result(Verdict.Accepted) : Result(Verdict.WrongAnswer);
    }
}
