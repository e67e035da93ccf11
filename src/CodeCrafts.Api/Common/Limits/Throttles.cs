using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Common.Limits;

/// <summary>Endpoint metadata that the OpenAPI document turns into the 429 response's description.</summary>
internal sealed record LimitDescription(Func<RateLimitOptions, string> Describe);

/// <summary>
/// Throttles as endpoint filters, so that they run after authentication (a learner's limit needs the learner) and
/// after the body limit, and answer 429 problem details that name the limit, with Retry-After.
/// </summary>
internal static class Throttles
{
    public static RouteHandlerBuilder RequireLearnerLimit(
        this RouteHandlerBuilder builder, string name, Func<RateLimitOptions, WindowLimit> select, string what) =>
        builder.RequireLimit(name, select, what, "per learner", http => http.User.GetUserId().ToString("N"));

    public static RouteHandlerBuilder RequireNetworkLimit(
        this RouteHandlerBuilder builder, string name, Func<RateLimitOptions, WindowLimit> select, string what) =>
        builder.RequireLimit(name, select, what, "per client network", ClientNetwork.Of);

    /// <summary>Documents a limit that the handler itself applies (it needs what only the handler knows).</summary>
    public static RouteHandlerBuilder DescribesLimit(this RouteHandlerBuilder builder, Func<RateLimitOptions, string> describe) =>
        builder.WithMetadata(new LimitDescription(describe)).ProducesProblem(StatusCodes.Status429TooManyRequests);

    public static string Rule(WindowLimit limit, string what, string per) =>
        $"At most {limit.PermitLimit} {what} per {limit.WindowSeconds} s {per}";

    /// <summary>429 problem details: which limit, the rule, and when to retry (also in Retry-After).</summary>
    public static ProblemHttpResult TooManyRequests(HttpContext http, string limit, string rule, TimeSpan retryAfter)
    {
        // Whole seconds, rounded up, never 0: a client that retries after "0" is refused again.
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"{rule}; try again in {seconds} s.",
            extensions: new Dictionary<string, object?> { ["limit"] = limit, ["retryAfterSeconds"] = seconds });
    }

    private static RouteHandlerBuilder RequireLimit(
        this RouteHandlerBuilder builder, string name, Func<RateLimitOptions, WindowLimit> select, string what, string per,
        Func<HttpContext, string> partition) =>
        builder
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var limit = select(http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
                var decision = await http.RequestServices.GetRequiredService<LimitCounter>()
                    .CountAsync(name, partition(http), limit, http.RequestAborted);
                return decision.Allowed
                    ? await next(context)
                    : TooManyRequests(http, name, Rule(limit, what, per), decision.RetryAfter);
            })
            .DescribesLimit(options => Rule(select(options), what, per));
}
