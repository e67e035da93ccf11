using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CodeCrafts.Api.Common.Limits;

/// <summary>
/// Says in the document which limits an operation has: the 429 response names them and its Retry-After header, and
/// the 413 response names the body limit. The numbers are the defaults, not this deployment's, so the contract (and the
/// web app's snapshot of it) does not change with configuration; the 429's detail gives the limit in force.
/// </summary>
internal sealed class LimitsOpenApiTransformer : IOpenApiOperationTransformer
{
    private static readonly RateLimitOptions Defaults = new();

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var limits = metadata.OfType<LimitDescription>().Select(l => l.Describe(Defaults)).ToList();
        if (limits.Count > 0 && operation.Responses?.GetValueOrDefault("429") is OpenApiResponse tooMany)
        {
            tooMany.Description = "Too many requests (default limits; the detail gives the one in force). "
                + string.Join(" ", limits.Select(Sentence))
                + " Problem details name the limit (`limit`) and when to retry (`retryAfterSeconds`, also in Retry-After).";
            tooMany.Headers ??= new Dictionary<string, IOpenApiHeader>();
            tooMany.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before retrying (at least 1).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
            };
        }
        if (metadata.OfType<BodyLimit>().LastOrDefault() is { } body && operation.Responses?.GetValueOrDefault("413") is OpenApiResponse tooLarge)
        {
            tooLarge.Description = string.Create(CultureInfo.InvariantCulture, $"The request body is over {body.Bytes / 1024} KiB.");
        }
        return Task.CompletedTask;
    }

    private static string Sentence(string rule) => string.Concat(char.ToUpperInvariant(rule[0]).ToString(), rule[1..], ".");
}
