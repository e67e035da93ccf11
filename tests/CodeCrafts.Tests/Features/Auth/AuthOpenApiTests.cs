using System.Net.Http.Json;
using System.Text.Json;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Auth;

/// <summary>What a frontend generates its client from: every response of every account endpoint, and where the bearer goes.</summary>
public sealed class AuthOpenApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("/api/auth/register", "post", new[] { "201", "400", "409", "413", "429" })]
    [InlineData("/api/auth/login", "post", new[] { "200", "400", "401", "413", "429" })]
    [InlineData("/api/auth/refresh", "post", new[] { "200", "400", "401", "413" })]
    [InlineData("/api/auth/logout", "post", new[] { "204", "400", "413" })]
    [InlineData("/api/users/me", "get", new[] { "200", "401", "404" })]
    [InlineData("/api/users/me", "patch", new[] { "200", "400", "401", "404", "413" })]
    public async Task TheDocumentListsEveryResponseOfTheEndpoint(string path, string method, string[] statuses)
    {
        var operation = (await GetDocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method);

        var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();

        Assert.Superset(statuses.ToHashSet(), responses);
    }

    [Theory]
    [InlineData("/api/users/me", "get", true)]
    [InlineData("/api/users/me", "patch", true)]
    [InlineData("/api/auth/register", "post", false)]
    [InlineData("/api/auth/login", "post", false)]
    [InlineData("/api/auth/refresh", "post", false)]
    [InlineData("/api/auth/logout", "post", false)]
    public async Task ProtectedOperationsAndOnlyThoseDeclareTheBearerScheme(string path, string method, bool secured)
    {
        var operation = (await GetDocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method);

        var bearer = operation.TryGetProperty("security", out var security)
                     && security.EnumerateArray().Any(requirement => requirement.TryGetProperty("Bearer", out _));

        Assert.Equal(secured, bearer);
    }

    [Fact]
    public void EveryApiEndpointOutsideAuthRequiresAnAccessToken()
    {
        var endpoints = api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

        var open = endpoints
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/auth/", StringComparison.Ordinal) == false)
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null || e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.DisplayName)
            .ToList();

        Assert.Empty(open);
    }

    private async Task<JsonElement> GetDocumentAsync() =>
        await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
}
