using System.Diagnostics;
using System.Runtime.Versioning;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>
/// Runs code on this machine: C++ compiled with g++ -std=c++17 -O2 (cached by source hash), Python with
/// python3, each step in bwrap as an unprivileged user under prlimit, with a fresh scratch folder per
/// test that is deleted afterwards. Refuses to run anything when the sandbox's tools are missing.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed partial class LocalSandboxRunner(
    SandboxHost host, SandboxSteps steps, CompileCache cache, RunGate gate, ILogger<LocalSandboxRunner> logger)
    : ICodeRunner
{
    private volatile bool _probed;

    public string Name => "local-sandbox";

    public RunGate Gate => gate;

    public async Task<CodeRunResult> RunAsync(CodeRunRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var activity = CodeExecutionTelemetry.StartRun(Name, request);
        CodeRunResult result;
        try
        {
            if (host.Problems.Count > 0)
            {
                throw new CodeRunnerUnavailableException(host.UnavailableMessage);
            }
            if (request.Language == CodeLanguage.Cpp17 && host.CppProblem is not null)
            {
                throw new CodeRunnerUnavailableException($"C++ cannot run here: {host.CppProblem}.");
            }
            using var slot = await gate.EnterAsync(cancellationToken);
            activity.Timing("queue", clock.Elapsed);
            result = await RunInSandboxAsync(request, activity, cancellationToken);
        }
        catch (CodeRunnerBusyException)
        {
            activity?.SetTag("codecrafts.code.verdict", "Busy");
            throw;
        }
        catch (CodeRunnerUnavailableException)
        {
            activity?.SetTag("codecrafts.code.verdict", "Unavailable");
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRunFailed(logger, ex);
            result = CodeRunResult.Internal("The code sandbox failed; the error was logged.");
        }
        if (result.Verdict == Verdict.InternalError && result.Message is { } message)
        {
            LogInternalError(logger, request.Language, message);
        }
        CodeExecutionTelemetry.Complete(activity, Name, request, result, clock.Elapsed);
        return result;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(CancellationToken cancellationToken)
    {
        if (host.Problems.Count > 0)
        {
            return HealthCheckResult.Unhealthy(host.UnavailableMessage);
        }
        if (!_probed)
        {
            // Tools on disk are not enough: user namespaces may be disabled. Start one real sandbox.
            var probe = await steps.ProbeAsync(cancellationToken);
            if (probe is not null)
            {
                return HealthCheckResult.Unhealthy($"The code sandbox cannot start programs: {probe}");
            }
            _probed = true;
        }
        var load = $"{gate.Active}/{gate.Slots} runs, {gate.Waiting} waiting";
        return host.CppProblem is null
            ? HealthCheckResult.Healthy($"Local sandbox: {load}.")
            : HealthCheckResult.Degraded($"Local sandbox: {load}; {host.CppProblem}.");
    }

    private async Task<CodeRunResult> RunInSandboxAsync(CodeRunRequest request, Activity? activity, CancellationToken cancellationToken)
    {
        var run = ScratchFolder.CreateRun(host.RunsDirectory);
        try
        {
            string? program = null;
            if (request.Language == CodeLanguage.Cpp17)
            {
                var compileClock = Stopwatch.StartNew();
                var compilation = await cache.GetOrCompileAsync(request.Source, () => steps.CompileAsync(run, request.Source, cancellationToken));
                activity.Timing("compile", compileClock.Elapsed);
                activity?.SetTag("codecrafts.code.compile_cached", compilation.FromCache);
                if (!compilation.Succeeded)
                {
                    return compilation.Errors is { } errors
                        ? CodeRunResult.CompilationFailed(errors)
                        : CodeRunResult.Internal("The sandbox could not start the compiler.");
                }
                program = compilation.ProgramPath;
            }

            var testsClock = Stopwatch.StartNew();
            var measured = await steps.MeasuresAsync();
            var results = new List<TestRunResult>(request.Tests.Count);
            for (var i = 0; i < request.Tests.Count; i++)
            {
                var test = request.Tests[i];
                var outcome = await steps.RunTestAsync(run, i, request, program, test, cancellationToken);
                var result = SandboxVerdicts.Judge(outcome, test, request.Limits, measured);
                results.Add(result);
                if (result.Verdict == Verdict.InternalError || (request.StopOnFirstFailure && result.Verdict != Verdict.Accepted))
                {
                    break;
                }
            }
            activity.Timing("tests", testsClock.Elapsed);
            return CodeRunResult.FromTests(results);
        }
        finally
        {
            ScratchFolder.Delete(run);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A sandboxed run failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Language} run ended in an internal error: {Message}")]
    private static partial void LogInternalError(ILogger logger, CodeLanguage language, string message);
}
