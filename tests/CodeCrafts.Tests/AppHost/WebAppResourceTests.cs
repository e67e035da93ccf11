using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace CodeCrafts.Tests.AppHost;

/// <summary>
/// The web resource in the AppHost's graph, read from the model without starting it (the browser tests in
/// src/CodeCrafts.Web/e2e run it for real). These machines have Node.js 20.19+, which the resource needs.
/// </summary>
public sealed class WebAppResourceTests
{
    private static async Task<IDistributedApplicationTestingBuilder> GraphAsync(params string[] args) =>
        await DistributedApplicationTestingBuilder.CreateAsync<Projects.CodeCrafts_AppHost>(
            ["CodeCrafts:Infrastructure=embedded", .. args], TestContext.Current.CancellationToken);

    [Fact]
    public async Task TheWebAppServesOnItsFixedPortAfterTheApiAndKnowsWhereTheApiIs()
    {
        await using var builder = await GraphAsync();

        var web = builder.Resources.OfType<ExecutableResource>().Single(r => r.Name == "web");
        var endpoint = Assert.Single(web.Annotations.OfType<EndpointAnnotation>());

        Assert.Equal("http", endpoint.UriScheme);
        Assert.Equal(5173, endpoint.Port);
        Assert.False(endpoint.IsProxied);
        Assert.Contains(web.Annotations.OfType<WaitAnnotation>(), w => w.Resource.Name == "api");
        Assert.Contains(web.Annotations.OfType<ResourceRelationshipAnnotation>(), r => r.Resource.Name == "api" && r.Type == "Reference");
    }

    [Fact]
    public async Task TheWebPortCanBeMovedAndTheWebAppLeftOut()
    {
        await using var moved = await GraphAsync("CodeCrafts:WebPort=5273");
        await using var without = await GraphAsync("CodeCrafts:Web=false");

        var web = moved.Resources.OfType<ExecutableResource>().Single(r => r.Name == "web");
        Assert.Equal(5273, Assert.Single(web.Annotations.OfType<EndpointAnnotation>()).Port);
        Assert.DoesNotContain(without.Resources, r => r.Name == "web");
        Assert.Contains(without.Resources, r => r.Name == "api");
    }
}
