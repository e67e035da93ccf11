using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace CodeCrafts.Api.Common;

/// <summary>
/// ASP.NET Core rate limiting with one rejection shape: 429 problem details and Retry-After.
/// Features add their own policies (<c>Configure&lt;RateLimiterOptions&gt;</c>). Counters are in-process, so
/// each Api replica counts on its own.
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

    /// <summary>
    /// The partition key for "per client": the remote address, with IPv6 clients grouped by their /64
    /// (one subscriber usually owns a whole /64, so per-address limits would be trivial to dodge).
    /// Behind a reverse proxy this is the proxy unless forwarded headers are configured.
    /// </summary>
    public static string ClientKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }
}
