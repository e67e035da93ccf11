using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CodeCrafts.Tests.Infrastructure;

/// <summary>
/// The real Api in-process (real auth pipeline, real PostgreSQL and Redis), with a clock the test moves, and
/// optionally services of the test's own (registered last, so they replace the Api's).
/// </summary>
public sealed class ApiFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? testServices = null)
    : WebApplicationFactory<CodeCrafts.Api.ApiAssembly>
{
    public const string SigningKey = "test-signing-key-that-is-long-enough-for-hs256-0123456789";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Jwt:SigningKey", SigningKey);
        builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", "");
        // In-process requests have no client address, so every test of a class shares one network's window, and the
        // clock only moves when a test moves it, so a learner's window never ends; tests of the limits themselves
        // (Features/Limits) pass the limits they test in settings.
        builder.UseSetting("RateLimits:LoginPerNetwork:PermitLimit", "100000");
        builder.UseSetting("RateLimits:RegisterPerNetwork:PermitLimit", "100000");
        builder.UseSetting("RateLimits:AttemptsPerLearner:PermitLimit", "100000");
        builder.UseSetting("RateLimits:CodeRunsPerLearner:PermitLimit", "100000");
        builder.UseSetting("RateLimits:CodeRunsAtOnce", "100000");
        builder.UseSetting("RateLimits:DuelsCreatedPerLearner:PermitLimit", "100000");
        // A burst of errors on a busy machine must not block request threads on the console (the default waits when its
        // queue is full, which starves the thread pool and turns a slow test into a failed one).
        builder.UseSetting("Logging:Console:QueueFullMode", "DropWrite");
        // A test machine shared by many runs answers late at times; tests of other things must not see that as a Redis
        // stall. The stall tests run with the production budget (ProductionRedisBudgetFixture).
        builder.UseSetting("Redis:RequestBudget", "00:00:02");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            testServices?.Invoke(services);
        });
    }
}

/// <summary>
/// What most Api test classes share: a fresh seeded database, a private Redis and the Api over both.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    public RedisServer Redis { get; private set; } = null!;
    public ApiFactory Factory { get; private set; } = null!;
    public string DatabaseConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var postgres = await PostgresServer.Shared;
        DatabaseConnectionString = await postgres.CreateDatabaseAsync();
        Redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:codecrafts"] = DatabaseConnectionString,
            ["ConnectionStrings:cache"] = Redis.ConnectionString,
        };
        Configure(settings);
        Factory = new ApiFactory(settings);
    }

    /// <summary>More settings for the Api of a test class's fixture.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    public HttpClient CreateClient() => Factory.CreateClient();

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Redis.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
