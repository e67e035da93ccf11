using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CodeCrafts.AppHost.Infrastructure;

internal static class ConsoleStoryExtensions
{
    /// <summary>
    /// Tells on the AppHost's console what the dashboard shows: each resource's state changes, and for a
    /// failure its last log lines and what it blocks, so that nobody has to know where to look.
    /// </summary>
    public static IDistributedApplicationBuilder AddConsoleStory(this IDistributedApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ConsoleStory>();
        // Started before the orchestrator, not as a hosted service: those start after it and miss the first states.
        builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) =>
        {
            var lifetime = e.Services.GetRequiredService<IHostApplicationLifetime>();
            _ = e.Services.GetRequiredService<ConsoleStory>().TellAsync(lifetime.ApplicationStopping);
            return Task.CompletedTask;
        });
        return builder;
    }
}

internal sealed partial class ConsoleStory(
    ResourceNotificationService notifications,
    ResourceLoggerService resourceLogs,
    DistributedApplicationModel model,
    ILogger<ConsoleStory> logger)
{
    public const int FailureLogLines = 20;

    private readonly Dictionary<string, string> _told = [];

    public async Task TellAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                if (change.Resource is ParameterResource || change.Snapshot.IsHidden)
                {
                    continue;
                }
                var state = ResourceStory.Describe(change.Snapshot, change.Resource.Annotations.OfType<HealthCheckAnnotation>().Any());
                if (state is null || _told.GetValueOrDefault(change.ResourceId) == state)
                {
                    continue;
                }
                _told[change.ResourceId] = state;
                LogState(logger, ResourceStory.NameOf(change), state);
                if (ResourceStory.IsFailure(change.Snapshot))
                {
                    await TellFailureAsync(change, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task TellFailureAsync(ResourceEvent failure, CancellationToken cancellationToken)
    {
        var lines = new List<LogLine>();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The log store answers at once for a stopped process; the bound only guards a stuck one.
        wait.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await foreach (var batch in resourceLogs.GetAllAsync(failure.ResourceId).WithCancellation(wait.Token))
            {
                lines.AddRange(batch);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        var tail = ResourceStory.Tail(lines, FailureLogLines);
        LogFailureTail(logger, ResourceStory.NameOf(failure), tail.Count, string.Join(Environment.NewLine, tail.Select(l => "    " + l)));
        foreach (var blocked in ResourceStory.Dependents(model, failure.Resource))
        {
            LogBlocked(logger, blocked.Name, failure.Resource.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "[{Resource}] {State}")]
    private static partial void LogState(ILogger logger, string resource, string state);

    [LoggerMessage(Level = LogLevel.Error, Message = "[{Resource}] failed; its last {Count} log lines:\n{Lines}")]
    private static partial void LogFailureTail(ILogger logger, string resource, int count, string lines);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Blocked} will not start: it waits for {Failed}")]
    private static partial void LogBlocked(ILogger logger, string blocked, string failed);
}
