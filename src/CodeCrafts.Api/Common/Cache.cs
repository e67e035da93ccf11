using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace CodeCrafts.Api.Common;

/// <summary>
/// Redis is optional: in embedded mode it is not configured, and when it is down the Api keeps
/// serving from PostgreSQL. Features ask <see cref="RedisAccessor"/> for a database and fall back when they get none.
/// </summary>
internal static class Cache
{
    public const string HealthCheckName = "cache";

    public static IHostApplicationBuilder AddCache(this IHostApplicationBuilder builder)
    {
        var configured = !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ResourceNames.Cache));
        if (configured)
        {
            builder.AddRedisClient(ResourceNames.Cache, settings => settings.DisableHealthChecks = true, options =>
            {
                // Never fail start-up or a request because Redis is away; reconnect in the background.
                options.AbortOnConnectFail = false;
                options.ConnectTimeout = 2000;
                options.SyncTimeout = 2000;
                options.AsyncTimeout = 2000;
            });
            // Degraded, not Unhealthy: without Redis the product still works, only slower.
            builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>(HealthCheckName, HealthStatus.Degraded, ["ready"]);
        }
        var budget = builder.Configuration.GetValue<TimeSpan?>(RedisAccessor.BudgetSetting) ?? RedisAccessor.DefaultBudget;
        if (budget <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{RedisAccessor.BudgetSetting} must be a positive time span, e.g. 00:00:00.250; it is {budget}.");
        }
        builder.Services.AddSingleton(sp => new RedisAccessor(
            configured ? sp.GetRequiredService<IConnectionMultiplexer>() : null, budget, sp.GetRequiredService<ILogger<RedisAccessor>>()));
        builder.Services.AddSingleton<LearnerEntries>();
        builder.Services.AddHostedService<StaleEntryRepairer>();

        // Each replica's memory first, then Redis (shared by replicas) where there is one, then the data itself.
        builder.Services.AddHybridCache(options => options.MaximumPayloadBytes = 8 * 1024 * 1024);
        if (configured)
        {
            builder.Services.AddSingleton<IDistributedCache, RedisDistributedCache>();
        }
        return builder;
    }
}

internal sealed class RedisHealthCheck(RedisAccessor redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (redis.TryGetDatabase() is not { } db)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis is not connected, or stalled; serving from PostgreSQL");
        }
        try
        {
            await redis.WithinBudgetAsync(db.PingAsync());
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (RedisAccessor.IsFailure(ex))
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer PING; serving from PostgreSQL");
        }
    }
}
