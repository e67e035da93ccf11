using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace CodeCrafts.Api.Common;

/// <summary>
/// Per-endpoint body limits that answer 413 problem details before the handler runs, on every server.
/// (Kestrel's own limit, <c>IRequestSizeLimitMetadata</c>, only fails the read: an empty 413 or an error inside
/// the JSON binder. It is still lowered to the same value, as a second line.)
/// </summary>
internal static class RequestBodyLimit
{
    public const long SmallJson = 64 * 1024;

    private sealed record Limit(long Bytes);

    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, long bytes = SmallJson)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(
            new Limit(bytes),
            new ProducesResponseTypeMetadata(StatusCodes.Status413PayloadTooLarge, typeof(ProblemDetails), ["application/problem+json"]));

    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<Limit>() is { } limit && !await FitsAsync(context, limit.Bytes))
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
