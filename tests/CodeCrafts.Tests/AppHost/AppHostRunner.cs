using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace CodeCrafts.Tests.AppHost;

/// <summary>Builds the real AppHost graph for a test, with its own data folder and no dashboard.</summary>
internal static class AppHostRunner
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    public static async Task<IDistributedApplicationTestingBuilder> CreateAsync(string mode, params string[] extraArgs)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("codecrafts-apphost-").FullName;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CodeCrafts_AppHost>(
            // The web app is the browser tests' business (src/CodeCrafts.Web/e2e); here it would only start Vite.
            [$"CodeCrafts:Infrastructure={mode}", $"CodeCrafts:DataDirectory={dataDirectory}", "CodeCrafts:Web=false", .. extraArgs],
            TestContext.Current.CancellationToken);

        // Tests run no dashboard; an OTLP endpoint would make every project wait ~15 s on exit to flush to nobody.
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project).WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", "");
        }
        return builder;
    }
}
