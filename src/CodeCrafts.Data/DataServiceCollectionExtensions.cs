using CodeCrafts.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CodeCrafts.Data;

public static class DataServiceCollectionExtensions
{
    public const string HealthCheckName = "database";

    /// <summary>
    /// Registers <see cref="CodeCraftsDbContext"/> for the configured provider, with a readiness check.
    /// </summary>
    /// <param name="retryOnFailure">
    /// Retries transient failures. Off for the Api, whose handlers open their own transactions;
    /// on for the migration worker, which runs its work inside the execution strategy.
    /// </param>
    public static DatabaseConnection AddCodeCraftsData(this IHostApplicationBuilder builder, bool retryOnFailure = false)
    {
        var connection = DatabaseConnection.Resolve(builder.Configuration);
        builder.Services.AddSingleton(connection);

        if (connection.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContextPool<CodeCraftsDbContext, PostgresCodeCraftsDbContext>(options =>
                options.UseNpgsql(connection.ConnectionString, npgsql =>
                {
                    npgsql.MigrationsHistoryTable("__ef_migrations_history");
                    npgsql.ConfigureDataSource(dataSource => dataSource.ConfigureTracing(DatabaseSpans.Configure));
                    if (retryOnFailure)
                    {
                        npgsql.EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(5), errorCodesToAdd: null);
                    }
                }));
        }
        else
        {
            builder.Services.AddDbContextPool<CodeCraftsDbContext, SqliteCodeCraftsDbContext>(options =>
                options.UseSqlite(connection.ConnectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history")));
        }

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(HealthCheckName, tags: ["ready"]);
        return connection;
    }
}
