using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CodeCrafts.Tests.Infrastructure;

namespace CodeCrafts.Tests.Foundation;

public sealed class HttpBasicsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task TheRootNamesTheServiceAndLinksToHealthAndTheReference()
    {
        var info = await _client.GetFromJsonAsync<JsonElement>("/", TestContext.Current.CancellationToken);

        Assert.Equal("CodeCrafts API", info.GetProperty("name").GetString());
        Assert.Equal("/health", info.GetProperty("links").GetProperty("health").GetString());
        Assert.Equal("/scalar", info.GetProperty("links").GetProperty("reference").GetString());
    }

    [Fact]
    public async Task HealthReportsTheDatabaseAndTheCacheWithoutSecrets()
    {
        var response = await _client.GetAsync("/health", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(body);
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("cache").GetProperty("status").GetString());
        Assert.DoesNotContain("Host=", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AliveAnswersWithoutTouchingDependencies()
    {
        var report = await _client.GetFromJsonAsync<JsonElement>("/alive", TestContext.Current.CancellationToken);

        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.False(report.GetProperty("checks").TryGetProperty("database", out _));
    }

    [Fact]
    public async Task TheOpenApiDocumentAndTheReferencePageAreServed()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
        var reference = await _client.GetAsync("/scalar/", TestContext.Current.CancellationToken);

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    [Fact]
    public async Task AnUnknownPathIsAProblemDetails404()
    {
        var response = await _client.GetAsync("/api/nothing-here", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
