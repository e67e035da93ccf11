using System.Diagnostics;
using CodeCrafts.Data;
using CodeCrafts.MigrationService.Curriculum;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CodeCrafts.MigrationService;

/// <summary>
/// Brings the schema up to date and seeds the curriculum, then stops the host.
/// The Api waits for this worker to finish, so its exit code must tell the truth.
/// </summary>
internal sealed partial class MigrationWorker(
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    ILogger<MigrationWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new(Telemetry.ServiceName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var activity = Source.StartActivity("Migrating and seeding the database", ActivityKind.Client);
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>();

            var strategy = db.Database.CreateExecutionStrategy();
            if (db.Provider == DatabaseProvider.Postgres)
            {
                var connectionString = scope.ServiceProvider.GetRequiredService<DatabaseConnection>().ConnectionString;
                if (await strategy.ExecuteAsync(ct => PostgresDatabase.EnsureExistsAsync(connectionString, ct), stoppingToken))
                {
                    LogCreated(logger);
                }
            }
            await strategy.ExecuteAsync(async ct =>
            {
                // EF Core reads the history table before it creates it, and logs that failed read as an Error on
                // every fresh database; created first, the first start is as quiet as any other.
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
                await db.Database.MigrateAsync(ct);
            }, stoppingToken);
            LogMigrated(logger, db.Provider);

            var result = await scope.ServiceProvider.GetRequiredService<CurriculumSeeder>().SeedAsync(stoppingToken);
            LogSeeded(logger, result.Lessons, result.Questions, result.LessonsChanged);
            activity?.SetTag("codecrafts.lessons_changed", result.LessonsChanged);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            activity?.AddException(ex);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            LogFailed(logger, ex);
            // A BackgroundService that throws still lets the host exit 0 (dotnet/runtime#67146):
            // the exit code is what stops the Api from starting on a broken schema.
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database created")]
    private static partial void LogCreated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({Provider})")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Curriculum seeded: {Lessons} lessons, {Questions} questions, {Changed} lessons written")]
    private static partial void LogSeeded(ILogger logger, int lessons, int questions, int changed);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Migration or seeding failed; the Api will not start")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
