using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace CodeCrafts.Api.Common;

/// <summary>A request body limit in bytes, as endpoint metadata.</summary>
internal sealed record BodyLimit(long Bytes);

/// <summary>
/// Body limits that answer 413 problem details before the handler runs, on every server: every request gets
/// <see cref="SmallJson"/> unless its endpoint asks for more (<see cref="Code"/> where a program is accepted), instead of
/// Kestrel's 30 MB. (Kestrel's own limit, <c>IRequestSizeLimitMetadata</c>, only fails the read: an empty 413 or an
/// error inside the JSON binder. It is still lowered to the same value, as a second line.)
/// </summary>
internal static class RequestBodyLimit
{
    /// <summary>Every JSON contract without code: an email, a password, a few answers (their fields are capped far lower).</summary>
    public const long SmallJson = 16 * 1024;

    /// <summary>A program of up to 64 Ki characters, JSON-escaped (newlines and quotes take two bytes, most non-ASCII three).</summary>
    public const long Code = 128 * 1024;

    /// <summary>
    /// States the limit of an endpoint that takes a body (and its 413 in the OpenAPI document); endpoints that do not
    /// call this still get <see cref="SmallJson"/>.
    /// </summary>
    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, long bytes = SmallJson)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(
            new BodyLimit(bytes),
            new ProducesResponseTypeMetadata(StatusCodes.Status413PayloadTooLarge, typeof(ProblemDetails), ["application/problem+json"]));

    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>() ?? new BodyLimit(SmallJson);
        if (!await FitsAsync(context, limit.Bytes))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"This endpoint accepts at most {limit.Bytes / 1024} KiB.",
                },
            });
            return;
        }
        await next(context);
    });

    private static async Task<bool> FitsAsync(HttpContext context, long limit)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = limit + 1;
        }
        if (context.Request.ContentLength is { } declared)
        {
            return declared <= limit;
        }
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return true;
        }
        // Chunked: read at most limit + 1 bytes into memory (small by construction) and hand that on.
        var buffer = new MemoryStream();
        context.Response.RegisterForDispose(buffer);
        try
        {
            var chunk = new byte[8192];
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    return false;
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
        buffer.Position = 0;
        context.Request.Body = buffer;
        return true;
    }
}
