using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CodeCrafts.Api.Features.Home;

public sealed record ServiceInfo(string Name, string Version, string Environment, IReadOnlyDictionary<string, string> Links);

internal static class HomeApi
{
    private static readonly string Version =
        typeof(HomeApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static Ok<ServiceInfo> GetServiceInfo(IHostEnvironment environment) => TypedResults.Ok(new ServiceInfo(
        "CodeCrafts API",
        Version,
        environment.EnvironmentName,
        new Dictionary<string, string>
        {
            ["health"] = "/health",
            ["alive"] = "/alive",
            ["openapi"] = "/openapi/v1.json",
            ["reference"] = "/scalar",
        }));
}
