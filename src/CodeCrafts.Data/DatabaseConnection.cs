using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CodeCrafts.Data;

/// <summary>
/// Which database to use and how to reach it. <c>DATABASE_URL</c> (the original service's
/// form, <c>sqlite:///path</c> or <c>postgresql://user:pass@host:port/db</c>) wins over
/// <c>ConnectionStrings:codecrafts</c>, which is a PostgreSQL connection string or a SQLite one (<c>Data Source=…</c>).
/// </summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString)
{
    public const string UrlVariable = "DATABASE_URL";

    public static DatabaseConnection Resolve(IConfiguration configuration)
    {
        var url = configuration[UrlVariable];
        if (!string.IsNullOrWhiteSpace(url))
        {
            return FromUrl(url);
        }

        var connectionString = configuration.GetConnectionString(ResourceNames.Database);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"No database is configured. Set {UrlVariable} (e.g. sqlite:///./codecrafts.db) or ConnectionStrings:{ResourceNames.Database}.");
        }

        return connectionString.TrimStart().StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase)
            ? new DatabaseConnection(DatabaseProvider.Sqlite, connectionString)
            : new DatabaseConnection(DatabaseProvider.Postgres, connectionString);
    }

    public static DatabaseConnection FromUrl(string url)
    {
        url = url.Trim();
        if (url.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            return FromSqliteUrl(url);
        }

        if (url.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return FromPostgresUrl(url);
        }

        throw new InvalidOperationException(
            $"{UrlVariable} must start with sqlite:/// or postgresql:// (got a value starting with '{Prefix(url)}').");
    }

    // sqlite:///relative.db and sqlite:////absolute/path.db, as SQLAlchemy writes them.
    private static DatabaseConnection FromSqliteUrl(string url)
    {
        const string prefix = "sqlite:///";
        if (!url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || url.Length == prefix.Length)
        {
            throw new InvalidOperationException($"{UrlVariable} for SQLite must look like sqlite:///./codecrafts.db.");
        }

        var path = url[prefix.Length..];
        if (path == ":memory:")
        {
            throw new InvalidOperationException($"{UrlVariable} cannot be an in-memory SQLite database: every connection would see a different one.");
        }

        return new DatabaseConnection(DatabaseProvider.Sqlite, $"Data Source={path}");
    }

    private static DatabaseConnection FromPostgresUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new InvalidOperationException($"{UrlVariable} is not a valid postgresql:// URL.");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0)
        {
            throw new InvalidOperationException($"{UrlVariable} must name a database, e.g. postgresql://user:pass@localhost:5432/codecrafts.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = database,
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }
        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            if (key.Equals("sslmode", StringComparison.OrdinalIgnoreCase))
            {
                builder.SslMode = Enum.Parse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
            }
        }

        return new DatabaseConnection(DatabaseProvider.Postgres, builder.ConnectionString);
    }

    private static string Prefix(string url) => url.Length <= 12 ? url.Split(':')[0] : url[..12].Split(':')[0];
}
