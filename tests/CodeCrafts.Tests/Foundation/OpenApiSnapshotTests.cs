using System.Text.Json;
using System.Text.Json.Nodes;
using CodeCrafts.Tests.Infrastructure;

namespace CodeCrafts.Tests.Foundation;

/// <summary>
/// The web app's typed client is generated from a committed copy of the Api's OpenAPI document
/// (src/CodeCrafts.Web/openapi/v1.json). When the Api's contract changes, this fails until the copy and the
/// generated types are refreshed, so the client can never drift from the server.
/// </summary>
public sealed class OpenApiSnapshotTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Refresh =
        "The Api's OpenAPI document no longer matches the web app's snapshot. With the Api running on http://localhost:5080, " +
        "refresh it: cd src/CodeCrafts.Web && npm run openapi:fetch && npm run openapi:generate (then commit openapi/v1.json and src/api/schema.d.ts).";

    [Fact]
    public async Task TheWebAppsSnapshotMatchesTheLiveDocument()
    {
        using var client = api.CreateClient();
        var live = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var snapshot = await File.ReadAllTextAsync(SnapshotPath(), TestContext.Current.CancellationToken);

        var expected = Normalize(snapshot);
        var actual = Normalize(live);

        Assert.True(expected == actual, $"{Refresh}\nFirst difference: {FirstDifference(JsonNode.Parse(expected), JsonNode.Parse(actual), "$")}");
    }

    [Fact]
    public void NormalizingIgnoresKeyOrderAndTheServerAddressButNotContent()
    {
        var a = """{"servers":[{"url":"http://localhost:5080/"}],"b":1,"a":{"y":[1,2],"x":"s"}}""";
        var b = """{"a":{"x":"s","y":[1,2]},"b":1,"servers":[{"url":"http://localhost/"}]}""";
        var c = """{"a":{"x":"s","y":[2,1]},"b":1}""";

        Assert.Equal(Normalize(a), Normalize(b));
        Assert.NotEqual(Normalize(a), Normalize(c));
    }

    // Key order and the server address depend on how and where the Api was hosted, not on the contract.
    private static string Normalize(string json)
    {
        var node = JsonNode.Parse(json) ?? throw new InvalidOperationException("The OpenAPI document is empty.");
        if (node is JsonObject root)
        {
            root.Remove("servers");
        }
        return Sorted(node)?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "null";
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    private static string FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is JsonObject e && actual is JsonObject a)
        {
            foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                if (!e.ContainsKey(key) || !a.ContainsKey(key))
                {
                    return e.ContainsKey(key) ? $"{path}.{key} is no longer in the Api" : $"{path}.{key} is new in the Api";
                }
                if (!JsonNode.DeepEquals(e[key], a[key]))
                {
                    return FirstDifference(e[key], a[key], $"{path}.{key}");
                }
            }
        }
        if (expected is JsonArray ea && actual is JsonArray aa && ea.Count == aa.Count)
        {
            for (var i = 0; i < ea.Count; i++)
            {
                if (!JsonNode.DeepEquals(ea[i], aa[i]))
                {
                    return FirstDifference(ea[i], aa[i], $"{path}[{i}]");
                }
            }
        }
        return $"{path}: snapshot {Clip(expected)}, Api {Clip(actual)}";
    }

    private static string Clip(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 200 ? text : text[..200] + "…";
    }

    private static string SnapshotPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CodeCrafts.sln")))
        {
            directory = directory.Parent;
        }
        return directory is null
            ? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory)
            : Path.Combine(directory.FullName, "src", "CodeCrafts.Web", "openapi", "v1.json");
    }
}
