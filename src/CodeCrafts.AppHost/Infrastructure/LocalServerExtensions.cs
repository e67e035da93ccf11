using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using StackExchange.Redis;

namespace CodeCrafts.AppHost.Infrastructure;

internal static class LocalServerExtensions
{
    private static string ScriptPath(string name) => Path.Combine(AppContext.BaseDirectory, "Infrastructure", "scripts", name);

    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, string binDirectory, string dataDirectory)
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var resource = new LocalPostgresResource(name, "/bin/bash", dataDirectory, password);
        var healthKey = $"{name}-accepts-connections";

        builder.Services.AddHealthChecks().AddAsyncCheck(healthKey, async ct =>
        {
            // The app database is created later by the migrator, so readiness is judged on the maintenance database.
            var connectionString = new NpgsqlConnectionStringBuilder(await resource.ConnectionStringExpression.GetValueAsync(ct) ?? "")
            {
                Database = "postgres",
                Timeout = 3,
                Pooling = false,
            };
            try
            {
                await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
                await connection.OpenAsync(ct);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("PostgreSQL does not accept connections yet");
            }
        });

        return builder.AddResource(resource)
            .WithEndpoint(name: LocalPostgresResource.EndpointName, scheme: "tcp")
            .WithEnvironment("POSTGRES_PASSWORD", password)
            .WithArgs(ctx =>
            {
                ctx.Args.Add(ScriptPath("start-postgres.sh"));
                ctx.Args.Add(binDirectory);
                ctx.Args.Add(Path.Combine(dataDirectory, "postgres"));
                ctx.Args.Add(resource.Endpoint.Property(EndpointProperty.TargetPort));
            })
            .WithHealthCheck(healthKey);
    }

    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, string redisServer, string dataDirectory)
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var resource = new LocalRedisResource(name, "/bin/bash", dataDirectory, password);
        var healthKey = $"{name}-answers-ping";

        builder.Services.AddHealthChecks().AddAsyncCheck(healthKey, async ct =>
        {
            try
            {
                var options = ConfigurationOptions.Parse(await resource.ConnectionStringExpression.GetValueAsync(ct) ?? "");
                options.ConnectTimeout = 2000;
                options.AbortOnConnectFail = true;
                await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
                await connection.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("Redis does not answer PING yet");
            }
        });

        return builder.AddResource(resource)
            .WithEndpoint(name: LocalRedisResource.EndpointName, scheme: "tcp")
            .WithEnvironment("REDIS_PASSWORD", password)
            .WithArgs(ctx =>
            {
                ctx.Args.Add(ScriptPath("start-redis.sh"));
                ctx.Args.Add(redisServer);
                ctx.Args.Add(resource.Endpoint.Property(EndpointProperty.TargetPort));
            })
            .WithHealthCheck(healthKey);
    }
}
