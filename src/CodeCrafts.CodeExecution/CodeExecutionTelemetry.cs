using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;

namespace CodeCrafts.CodeExecution;

/// <summary>A span per run and a counter of verdicts, on the service's one ActivitySource and Meter.</summary>
internal static class CodeExecutionTelemetry
{
    private static readonly ActivitySource Source = new(Telemetry.ServiceName);
    private static readonly Meter Meter = new(Telemetry.ServiceName);

    private static readonly Counter<long> Verdicts = Meter.CreateCounter<long>(
        "codecrafts.code.verdicts", unit: "{run}", description: "Code runs by overall verdict");

    private static readonly Histogram<double> Durations = Meter.CreateHistogram<double>(
        "codecrafts.code.run.duration", unit: "s", description: "Time from accepting a run to its verdict, queueing included");

    public static readonly UpDownCounter<long> ActiveRuns = Meter.CreateUpDownCounter<long>(
        "codecrafts.code.runs.active", unit: "{run}", description: "Runs holding a local sandbox slot");

    public static Activity? StartRun(string runner, CodeRunRequest request)
    {
        var activity = Source.StartActivity("code.run");
        activity?.SetTag("codecrafts.code.runner", runner);
        activity?.SetTag("codecrafts.code.language", request.Language.ToString());
        activity?.SetTag("codecrafts.code.tests", request.Tests.Count);
        return activity;
    }

    /// <summary>Records a timing (queue, compile, tests) on the run's span, in milliseconds.</summary>
    public static void Timing(this Activity? activity, string name, TimeSpan elapsed) =>
        activity?.SetTag($"codecrafts.code.{name}_ms", Math.Round(elapsed.TotalMilliseconds, 1));

    public static void Complete(Activity? activity, string runner, CodeRunRequest request, CodeRunResult result, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "codecrafts.code.runner", runner },
            { "codecrafts.code.language", request.Language.ToString() },
            { "codecrafts.code.verdict", result.Verdict.ToString() },
        };
        Verdicts.Add(1, tags);
        Durations.Record(elapsed.TotalSeconds, tags);
        if (activity is null)
        {
            return;
        }
        activity.SetTag("codecrafts.code.verdict", result.Verdict.ToString());
        activity.SetTag("codecrafts.code.tests_run", result.Tests.Count);
        activity.Timing("total", elapsed);
        if (result.Verdict == Verdict.InternalError)
        {
            activity.SetStatus(ActivityStatusCode.Error, result.Message);
        }
    }
}
