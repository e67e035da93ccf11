using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace CodeCrafts.Api.Common;

/// <summary>
/// ASP.NET Core rate limiting with one rejection shape: 429 problem details and Retry-After.
/// Its policies count in-process, per replica; the Api's own limits (logins, registrations, per-learner throttles) are
/// in <see cref="Limits.LimitCounter"/> instead, shared by the replicas through Redis.
/// </summary>
internal static class RateLimiting
{
    public static IServiceCollection AddRateLimitingDefaults(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                return WriteTooManyRequestsAsync(context.HttpContext, retryAfter, "Too many requests from this client; slow down.");
            };
        });

    public static async ValueTask WriteTooManyRequestsAsync(HttpContext context, TimeSpan retryAfter, string detail)
    {
        SetRetryAfter(context, retryAfter);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = detail },
        });
    }

    /// <summary>Whole seconds, rounded up, never 0: a client that retries after "0" is refused again.</summary>
    public static void SetRetryAfter(HttpContext context, TimeSpan retryAfter) =>
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
