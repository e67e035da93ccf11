using CodeCrafts.Api.Common.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.CodeExecution;

/// <summary>
/// The runner's queue is shared by everyone, so one learner may have only <see cref="RateLimitOptions.CodeRunsAtOnce"/>
/// program in it and start <see cref="RateLimitOptions.CodeRunsPerLearner"/> a minute (which also bounds probing hidden
/// tests). Applied to trial runs and code answers alike, by the handlers, after what is free to answer (a replayed answer
/// runs nothing, so it costs nothing).
/// </summary>
internal sealed class CodeRunThrottle(LimitCounter counter, IOptions<RateLimitOptions> options)
{
    public const string AtOnceLimit = "code-runs-at-once";
    public const string PerMinuteLimit = "code-runs-per-learner";

    /// <summary>Longer than any run takes; only matters if a replica dies while the program runs.</summary>
    private static readonly TimeSpan LongestRun = TimeSpan.FromMinutes(2);

    /// <summary>How soon to try again when the learner's own run is still going: a typical run's length.</summary>
    private static readonly TimeSpan RunningRetry = TimeSpan.FromSeconds(2);

    /// <summary>The learner's place in the runner (dispose it when the run is over), or a 429 to answer.</summary>
    public async Task<(LimitHold? Run, ProblemHttpResult? Refusal)> TryStartAsync(HttpContext http, Guid learner, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var run = await counter.TryEnterAsync($"{AtOnceLimit}:{learner:N}", limits.CodeRunsAtOnce, LongestRun, cancellationToken);
        if (run is null)
        {
            return (null, Throttles.TooManyRequests(http, AtOnceLimit, AtOnceRule(limits), RunningRetry));
        }
        var decision = await counter.CountAsync(PerMinuteLimit, learner.ToString("N"), limits.CodeRunsPerLearner, cancellationToken);
        if (!decision.Allowed)
        {
            await run.DisposeAsync();
            return (null, Throttles.TooManyRequests(http, PerMinuteLimit, PerMinuteRule(limits), decision.RetryAfter));
        }
        return (run, null);
    }

    public static string Describe(RateLimitOptions limits) => $"{AtOnceRule(limits)}. {PerMinuteRule(limits)}";

    private static string AtOnceRule(RateLimitOptions limits) =>
        $"At most {limits.CodeRunsAtOnce} code run(s) at a time per learner (trial runs and code answers)";

    private static string PerMinuteRule(RateLimitOptions limits) =>
        Throttles.Rule(limits.CodeRunsPerLearner, "code runs", "per learner");
}
