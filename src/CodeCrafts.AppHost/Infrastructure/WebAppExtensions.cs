using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodeCrafts.AppHost.Infrastructure;

/// <summary>
/// The learner's web app (src/CodeCrafts.Web) as the <c>web</c> resource: Vite's dev server on a fixed port, started
/// through core <c>AddExecutable</c> because Aspire's JavaScript hosting packages are not available everywhere.
/// </summary>
internal static class WebAppExtensions
{
    public const string EnabledKey = "CodeCrafts:Web";
    public const string PortKey = "CodeCrafts:WebPort";
    public const int DefaultPort = 5173;

    // The dashboard reads this from the AppHost's configuration when it starts (Aspire 13's KnownConfigNames).
    private const string DashboardCorsAllowedOrigins = "ASPIRE_DASHBOARD_CORS_ALLOWED_ORIGINS";

    /// <summary>
    /// Adds <c>web</c> after the Api, or logs why not: no Node.js 20.19+ on PATH (a warning; everything else still
    /// starts), or <c>CodeCrafts:Web=false</c> (tests of the graph that have no use for a browser app).
    /// </summary>
    public static IResourceBuilder<ExecutableResource>? AddWebApp(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> api)
    {
        var webDirectory = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "CodeCrafts.Web"));
        if (!builder.Configuration.GetValue(EnabledKey, true))
        {
            LogAtStart(builder, logger => logger.LogInformation("web skipped: {Key} is false", EnabledKey));
            return null;
        }
        var skipReason = !File.Exists(Path.Combine(webDirectory, "package-lock.json")) ? $"no package-lock.json in {webDirectory}"
            : NodeRuntime.FindVersion() is not { } node ? "install Node.js 20+ (node was not found on PATH)"
            : node < NodeRuntime.Minimum ? $"install Node.js 20+ (found {node}; the web app needs {NodeRuntime.Minimum} or newer)"
            : null;
        if (skipReason is not null)
        {
            LogAtStart(builder, logger => logger.LogWarning("web skipped: {Reason}", skipReason));
            return null;
        }

        var port = builder.Configuration.GetValue(PortKey, DefaultPort);
        var origin = $"http://localhost:{port}";
        // Only the web app may post spans to the dashboard's OTLP/HTTP endpoint from a browser; a value set on the
        // AppHost (launch profile or environment) wins.
        if (string.IsNullOrEmpty(builder.Configuration[DashboardCorsAllowedOrigins]))
        {
            builder.Configuration[DashboardCorsAllowedOrigins] = origin;
        }

        var web = builder.AddExecutable(ResourceNames.Web, "/bin/bash", webDirectory)
            // Vite binds the port itself: a fixed, bookmarkable URL rather than one behind the orchestrator's proxy.
            .WithHttpEndpoint(port: port, name: "http", isProxied: false)
            .WithArgs(Path.Combine(AppContext.BaseDirectory, "Infrastructure", "scripts", "start-web.sh"), webDirectory, port.ToString())
            .WithReference(api)
            .WaitFor(api)
            .WithEnvironment("BROWSER", "none")
            .WithOtlpExporterIfEndpointAvailable(OtlpProtocol.HttpProtobuf)
            .WithEnvironment(BrowserTelemetry.PassToVite)
            .WithHttpHealthCheck("/", endpointName: "http");

        builder.Eventing.Subscribe<ResourceReadyEvent>(web.Resource, (e, _) =>
        {
            e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CodeCrafts.Web")
                .LogInformation("web: the learner's app is at {Url}", origin);
            return Task.CompletedTask;
        });
        return web;
    }

    private static void LogAtStart(IDistributedApplicationBuilder builder, Action<ILogger> log) =>
        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            log(e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CodeCrafts.Web"));
            return Task.CompletedTask;
        });
}
