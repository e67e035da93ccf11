using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodeCrafts.AppHost.Infrastructure;

/// <summary>What the services are wired to: a PostgreSQL database and Redis, or (embedded) a SQLite file.</summary>
internal sealed record CodeCraftsInfrastructure(
    InfrastructureMode Mode,
    IResourceBuilder<IResourceWithConnectionString>? Database,
    IResourceBuilder<IResourceWithConnectionString>? Cache,
    string? SqlitePath);

internal static class InfrastructureExtensions
{
    public static CodeCraftsInfrastructure AddCodeCraftsInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var choice = InfrastructureModeSelector.Select(builder.Configuration, MachineFacts.Probe(builder.Configuration));
        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CodeCrafts.Infrastructure")
                .LogInformation("Infrastructure mode: {Summary}", choice.Summary);
            return Task.CompletedTask;
        });

        var dataDirectory = DataDirectory(builder);
        switch (choice.Mode)
        {
            case InfrastructureMode.Containers:
                var postgres = builder.AddPostgres(ResourceNames.Postgres).WithDataVolume();
                return new CodeCraftsInfrastructure(choice.Mode,
                    postgres.AddDatabase(ResourceNames.Database),
                    builder.AddRedis(ResourceNames.Cache),
                    null);

            case InfrastructureMode.Local:
                return new CodeCraftsInfrastructure(choice.Mode,
                    builder.AddLocalPostgres(ResourceNames.Postgres, choice.PostgresBinDirectory!, dataDirectory),
                    choice.RedisServer is { } redisServer ? builder.AddLocalRedis(ResourceNames.Cache, redisServer, dataDirectory) : null,
                    null);

            default:
                return new CodeCraftsInfrastructure(choice.Mode, null, null, Path.Combine(dataDirectory, "codecrafts.db"));
        }
    }

    public static IResourceBuilder<ProjectResource> WithDatabase(this IResourceBuilder<ProjectResource> project, CodeCraftsInfrastructure infrastructure) =>
        infrastructure.Database is { } database
            ? project.WithReference(database, ResourceNames.Database).WaitFor(database)
            : project.WithEnvironment("DATABASE_URL", $"sqlite:///{infrastructure.SqlitePath}");

    public static IResourceBuilder<ProjectResource> WithCache(this IResourceBuilder<ProjectResource> project, CodeCraftsInfrastructure infrastructure) =>
        infrastructure.Cache is { } cache
            ? project.WithReference(cache, ResourceNames.Cache).WaitFor(cache)
            : project;

    /// <summary>
    /// Local servers' data and the SQLite file. Under root the default is /var/lib/codecrafts, because
    /// PostgreSQL runs as the postgres user, which cannot enter /root.
    /// </summary>
    private static string DataDirectory(IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration["CodeCrafts:DataDirectory"];
        var path = !string.IsNullOrWhiteSpace(configured) ? Path.GetFullPath(configured)
            : Environment.UserName == "root" ? "/var/lib/codecrafts"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "CodeCrafts");
        Directory.CreateDirectory(path);
        return path;
    }
}
