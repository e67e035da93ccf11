namespace CodeCrafts.AppHost.Infrastructure;

/// <summary>
/// The browser exports its spans straight to the dashboard's OTLP/HTTP endpoint (gRPC is not possible from a page).
/// Vite exposes only VITE_-prefixed variables to the page, so the exporter settings Aspire gives the web resource
/// are copied under those names. In development the OTLP key, when the dashboard has one, is visible in the page:
/// it guards a local dashboard, not user data.
/// </summary>
internal static class BrowserTelemetry
{
    private static readonly string[] Passed = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_SERVICE_NAME"];

    public static void PassToVite(EnvironmentCallbackContext context)
    {
        foreach (var name in Passed)
        {
            if (context.EnvironmentVariables.TryGetValue(name, out var value))
            {
                context.EnvironmentVariables[$"VITE_{name}"] = value;
            }
        }
    }
}
