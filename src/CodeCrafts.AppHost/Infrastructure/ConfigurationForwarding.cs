using Microsoft.Extensions.Configuration;

namespace CodeCrafts.AppHost.Infrastructure;

internal static class ConfigurationForwarding
{
    /// <summary>
    /// Hands the AppHost's own settings of these sections to a service, so one command line
    /// (<c>dotnet run --project src/CodeCrafts.AppHost -- CodeExecution:Sandbox:BwrapPath=…</c>) configures the
    /// whole graph, and tests can change a service's behaviour through the AppHost's configuration alone.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSettingsFrom(
        this IResourceBuilder<ProjectResource> project, IConfiguration configuration, params string[] sections)
    {
        foreach (var section in sections)
        {
            foreach (var (key, value) in configuration.GetSection(section).AsEnumerable())
            {
                if (value is not null)
                {
                    project.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
                }
            }
        }
        return project;
    }
}
