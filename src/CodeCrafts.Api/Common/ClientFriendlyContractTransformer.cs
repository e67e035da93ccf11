using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CodeCrafts.Api.Common;

/// <summary>
/// Makes the document say what the wire really does, so a client generated from it (the web app's
/// openapi-typescript types) needs no hand-written corrections:
/// <list type="bullet">
/// <item>Request properties marked <c>[Required]</c> are C#-nullable only so that validation can name a missing
/// field; null is rejected, so they are not nullable on the wire.</item>
/// <item>An enum used through a nullable property gets <c>null</c> among its values; nullability belongs to the
/// property (which already says <c>oneOf: [null, …]</c>), not to the enum.</item>
/// <item>Query parameters bound from <c>[AsParameters]</c> records carry C# property names (<c>Page</c>); query
/// names match case-insensitively, and the contract is camelCase (<c>page</c>).</item>
/// </list>
/// </summary>
internal sealed class ClientFriendlyContractTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var operation in Operations(document))
        {
            CamelCaseQueryParameters(operation);
            foreach (var id in RequestBodySchemaIds(operation))
            {
                if (schemas.TryGetValue(id, out var schema) && schema is OpenApiSchema body)
                {
                    MakeRequiredPropertiesNonNullable(body);
                }
            }
        }
        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
        {
            RemoveNullFromEnum(schema);
        }
        return Task.CompletedTask;
    }

    private static IEnumerable<OpenApiOperation> Operations(OpenApiDocument document) =>
        (document.Paths ?? []).Values
            .SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>());

    private static IEnumerable<string> RequestBodySchemaIds(OpenApiOperation operation) =>
        (operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>()).Values
            .Select(media => (media.Schema as OpenApiSchemaReference)?.Reference.Id)
            .OfType<string>();

    private static void CamelCaseQueryParameters(OpenApiOperation operation)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In == ParameterLocation.Query && parameter.Name is { Length: > 0 } name && char.IsUpper(name[0]))
            {
                parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(name);
            }
        }
    }

    private static void MakeRequiredPropertiesNonNullable(OpenApiSchema schema)
    {
        if (schema.Required is null || schema.Properties is null)
        {
            return;
        }
        foreach (var name in schema.Required)
        {
            if (!schema.Properties.TryGetValue(name, out var property) || property is not OpenApiSchema inline)
            {
                continue;
            }
            if (inline.Type is { } type && type.HasFlag(JsonSchemaType.Null))
            {
                inline.Type = type & ~JsonSchemaType.Null;
            }
            else if (inline.OneOf is { Count: 2 } oneOf && oneOf.SingleOrDefault(s => !IsNullOnly(s)) is { } nonNull && oneOf.Any(IsNullOnly))
            {
                schema.Properties[name] = nonNull;
            }
        }
    }

    private static bool IsNullOnly(IOpenApiSchema schema) => schema is OpenApiSchema { Type: JsonSchemaType.Null };

    private static void RemoveNullFromEnum(OpenApiSchema schema)
    {
        if (schema.Enum is { Count: > 0 } values)
        {
            schema.Enum = values.Where(v => v is not null && v.GetValueKind() != JsonValueKind.Null).ToList();
        }
    }
}
