using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCrafts.CodeExecution.Judge0;

/// <summary>
/// Runs code on a Judge0 CE server: one batch of submissions (one per test case, Base64-encoded),
/// then polling the batch with back-off until no submission is In Queue or Processing. Whatever goes
/// wrong on the way (timeouts, 429/5xx after retries, malformed answers) ends as an internal error.
/// </summary>
internal sealed partial class Judge0Runner(
    Judge0Client client,
    Judge0Languages languages,
    IOptions<CodeExecutionOptions> options,
    ILogger<Judge0Runner> logger) : ICodeRunner
{
    private static readonly TimeSpan HealthCacheDuration = TimeSpan.FromSeconds(15);
    private readonly Judge0Options _options = options.Value.Judge0;
    private readonly int _outputLimit = options.Value.Sandbox.OutputLimitBytes;
    private (long AtMs, HealthCheckResult Result)? _lastHealth;

    public string Name => "judge0";

    public async Task<CodeRunResult> RunAsync(CodeRunRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var activity = CodeExecutionTelemetry.StartRun(Name, request);
        CodeRunResult result;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.RunTimeout);
        try
        {
            var ids = await languages.ResolveAsync(deadline.Token);
            var submissions = request.Tests.Select(test => Submission(request, test, ids)).ToList();
            var tokens = new List<string>();
            foreach (var chunk in submissions.Chunk(_options.BatchSize))
            {
                tokens.AddRange(await client.CreateBatchAsync(chunk, deadline.Token));
            }
            activity.Timing("submit", clock.Elapsed);
            var finished = new List<Judge0Result>();
            foreach (var chunk in tokens.Chunk(_options.BatchSize))
            {
                finished.AddRange(await PollAsync(chunk, deadline.Token));
            }
            activity.Timing("tests", clock.Elapsed);
            result = ToResult(request, finished);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var message = ex switch
            {
                OperationCanceledException => $"Judge0 did not finish within {_options.RunTimeout.TotalSeconds:0} s.",
                Judge0ProtocolException => $"Judge0 failed: {ex.Message}",
                _ => "Judge0 could not be reached; the error was logged.",
            };
            LogRunFailed(logger, message, ex);
            result = CodeRunResult.Internal(message);
        }
        CodeExecutionTelemetry.Complete(activity, Name, request, result, clock.Elapsed);
        return result;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(CancellationToken cancellationToken)
    {
        // Process uptime, not the injected clock: this throttles probes, it is not a fact about learners.
        var now = Environment.TickCount64;
        if (_lastHealth is { } last && now - last.AtMs < HealthCacheDuration.TotalMilliseconds)
        {
            return last.Result;
        }
        HealthCheckResult result;
        try
        {
            // GET /languages each time: a cached id says nothing about whether Judge0 answers now.
            await client.GetLanguagesAsync(cancellationToken);
            var ids = await languages.ResolveAsync(cancellationToken);
            result = HealthCheckResult.Healthy($"Judge0 answers (Python language {ids.Python}, C++ language {ids.Cpp}).");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            result = HealthCheckResult.Unhealthy(ex is Judge0ProtocolException ? $"Judge0 failed: {ex.Message}" : "Judge0 does not answer.");
        }
        _lastHealth = (now, result);
        return result;
    }

    private Judge0Submission Submission(CodeRunRequest request, TestInput test, Judge0LanguageIds ids) => new()
    {
        LanguageId = request.Language == CodeLanguage.Cpp17 ? ids.Cpp : ids.Python,
        SourceCode = Encode(request.Source),
        Stdin = Encode(test.Stdin),
        ExpectedOutput = Encode(test.ExpectedStdout),
        CpuTimeLimit = request.Limits.CpuTimeSeconds,
        // Generous next to the CPU limit, as Judge0's documentation recommends, against sleeping programs.
        WallTimeLimit = request.Limits.CpuTimeSeconds * 2 + 1,
        MemoryLimit = request.Limits.MemoryMb * 1024,
        CompilerOptions = request.Language == CodeLanguage.Cpp17 && _options.CppCompilerOptions is { Length: > 0 } flags ? flags : null,
    };

    private async Task<IReadOnlyList<Judge0Result>> PollAsync(IReadOnlyList<string> tokens, CancellationToken cancellationToken)
    {
        var delay = _options.PollInitialDelay;
        while (true)
        {
            await Task.Delay(delay, cancellationToken);
            var results = await client.GetBatchAsync(tokens, cancellationToken);
            if (!results.Any(r => Judge0Statuses.IsPending(r.Status!.Id)))
            {
                return results;
            }
            delay = TimeSpan.FromTicks(Math.Min(_options.PollMaxDelay.Ticks, (long)(delay.Ticks * 1.5)));
        }
    }

    private CodeRunResult ToResult(CodeRunRequest request, IReadOnlyList<Judge0Result> results)
    {
        var compileError = results.FirstOrDefault(r => r.Status!.Id == Judge0Statuses.CompilationError);
        if (compileError is not null)
        {
            return CodeRunResult.CompilationFailed(Decode(compileError.CompileOutput));
        }
        var tests = new List<TestRunResult>();
        foreach (var r in results)
        {
            var stderr = Decode(r.Stderr);
            var verdict = Judge0Statuses.ToVerdict(r.Status!.Id, stderr);
            var message = verdict switch
            {
                Verdict.Accepted or Verdict.WrongAnswer => null,
                Verdict.InternalError => $"Judge0: {r.Status.Description} {Decode(r.Message)}".Trim(),
                _ => r.Status.Description,
            };
            tests.Add(new TestRunResult(verdict, Decode(r.Stdout), stderr, r.Time, (long?)r.Memory, message));
            if (request.StopOnFirstFailure && verdict != Verdict.Accepted)
            {
                break;
            }
        }
        return CodeRunResult.FromTests(tests);
    }

    private static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>Judge0 wraps its Base64 in lines; .NET's decoder skips the line breaks.</summary>
    private string Decode(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return "";
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new Judge0ProtocolException("a text field is not valid Base64.");
        }
        return Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, _outputLimit));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Judge0 run ended in an internal error: {Message}")]
    private static partial void LogRunFailed(ILogger logger, string message, Exception exception);
}
