namespace CodeCrafts.Api.Common;

/// <summary>
/// The original service was configured with flat environment variables. They keep working by
/// being copied onto the sections the options bind to; DATABASE_URL is read by the data layer itself.
/// </summary>
internal static class LegacyEnvironmentNames
{
    public static readonly IReadOnlyDictionary<string, string> Map = new Dictionary<string, string>
    {
        ["SECRET_KEY"] = "Jwt:SigningKey",
        ["ALGORITHM"] = "Jwt:Algorithm",
        ["ACCESS_TOKEN_EXPIRE_MINUTES"] = "Jwt:AccessTokenMinutes",
        ["JUDGE0_API_URL"] = "CodeExecution:Judge0:Url",
        ["JUDGE0_API_KEY"] = "CodeExecution:Judge0:ApiKey",
    };

    public static IConfigurationManager AddLegacyEnvironmentNames(this IConfigurationManager configuration)
    {
        var mapped = Map
            .Select(pair => (Key: pair.Value, Value: configuration[pair.Key]))
            .Where(pair => !string.IsNullOrEmpty(pair.Value))
            .ToDictionary(pair => pair.Key, pair => pair.Value);
        if (mapped.Count > 0)
        {
            configuration.AddInMemoryCollection(mapped);
        }
        return configuration;
    }
}
