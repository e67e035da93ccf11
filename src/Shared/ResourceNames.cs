namespace CodeCrafts;

/// <summary>
/// Names shared by the AppHost and the services, so that a connection string the AppHost
/// hands out is the one a service asks for.
/// </summary>
internal static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string Database = "codecrafts";
    public const string Cache = "cache";
    public const string Migrations = "migrations";
    public const string Api = "api";
    public const string Web = "web";
    public const string JwtSigningKey = "jwt-signing-key";
}
