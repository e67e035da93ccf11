using System.Text.Json;

namespace CodeCrafts.Tests.Foundation;

/// <summary>Where a value goes in a request: a body field (JSON path), a query parameter or a path parameter.</summary>
public enum InputLocation
{
    Body,
    Query,
    Path,
}

/// <summary>One string or enum input of one operation, as the live OpenAPI document describes it.</summary>
public sealed record OperationInput(string OperationId, string Method, string Route, InputLocation Location, string Field, bool IsEnum, bool IsCode);

/// <summary>Reads every string and enum input of every operation out of an OpenAPI 3 document.</summary>
internal static class OpenApiInputs
{
    public static IEnumerable<OperationInput> From(JsonElement document)
    {
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name != "parameters"))
            {
                var id = operation.Value.GetProperty("operationId").GetString()!;
                var method = operation.Name.ToUpperInvariant();
                if (operation.Value.TryGetProperty("parameters", out var parameters))
                {
                    foreach (var parameter in parameters.EnumerateArray())
                    {
                        var schema = Resolve(parameter.GetProperty("schema"), schemas);
                        var location = parameter.GetProperty("in").GetString() == "path" ? InputLocation.Path : InputLocation.Query;
                        // A GUID in the route is a route constraint: a bad one matches no endpoint (404), it is not an input.
                        if (IsString(schema) && !(location == InputLocation.Path && Format(schema) == "uuid"))
                        {
                            yield return new(id, method, path.Name, location, parameter.GetProperty("name").GetString()!, schema.TryGetProperty("enum", out _), false);
                        }
                    }
                }
                if (operation.Value.TryGetProperty("requestBody", out var body)
                    && body.GetProperty("content").TryGetProperty("application/json", out var json))
                {
                    foreach (var (field, isEnum) in Leaves(json.GetProperty("schema"), "", schemas, 0))
                    {
                        yield return new(id, method, path.Name, InputLocation.Body, field, isEnum, field.Split('.')[^1] == "code");
                    }
                }
            }
        }
    }

    private static IEnumerable<(string Field, bool IsEnum)> Leaves(JsonElement schema, string path, JsonElement schemas, int depth)
    {
        schema = Resolve(schema, schemas);
        if (depth > 6)
        {
            yield break;
        }
        if (schema.TryGetProperty("enum", out _))
        {
            yield return (path, true);
        }
        else if (IsString(schema))
        {
            yield return (path, false);
        }
        else if (HasType(schema, "array"))
        {
            foreach (var leaf in Leaves(schema.GetProperty("items"), path + "[0]", schemas, depth + 1))
            {
                yield return leaf;
            }
        }
        else if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                foreach (var leaf in Leaves(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", schemas, depth + 1))
                {
                    yield return leaf;
                }
            }
        }
        else
        {
            foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
            {
                if (schema.TryGetProperty(combinator, out var options))
                {
                    foreach (var option in options.EnumerateArray())
                    {
                        foreach (var leaf in Leaves(option, path, schemas, depth + 1))
                        {
                            yield return leaf;
                        }
                    }
                }
            }
        }
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }
        return schema;
    }

    private static bool IsString(JsonElement schema) => HasType(schema, "string");

    private static string? Format(JsonElement schema) => schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    private static bool HasType(JsonElement schema, string type) =>
        schema.TryGetProperty("type", out var t) && (t.ValueKind == JsonValueKind.String
            ? t.GetString() == type
            : t.EnumerateArray().Any(x => x.GetString() == type));
}
