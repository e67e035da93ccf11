using System.Diagnostics;
using CodeCrafts.Api.Common;

namespace CodeCrafts.Api.Features.Attempts;

/// <summary>
/// Publishes <see cref="AttemptRecorded"/> to every <see cref="IAttemptObserver"/> (the progress and streak caches, the XP
/// boards, the difficulty rating; registered by their own features, in any order) with one Redis round trip for all of
/// them: each queues its commands on a shared batch, which is then sent as one pipeline.
/// </summary>
internal sealed partial class AttemptEvents(IEnumerable<IAttemptObserver> observers, RedisAccessor redis, ILogger<AttemptEvents> logger)
{
    // StackExchange.Redis does not hand a batch's commands to its profiler (its issue #2175), so the Redis instrumentation
    // never sees this pipeline. One client span of our own, with the semantic conventions' attributes, stands for it so
    // that the answer's trace still shows its Redis round trip.
    private static readonly ActivitySource Source = new(Telemetry.ServiceName);

    private readonly IAttemptObserver[] _observers = [.. observers];

    /// <summary>Never throws: the answer is committed, and each observer repairs what it could not write.</summary>
    public async Task PublishAsync(AttemptRecorded attempt)
    {
        var batch = redis.TryGetDatabase()?.CreateBatch();
        using var pipeline = batch is null ? null : Source.StartActivity("PIPELINE", ActivityKind.Client);
        pipeline?.SetTag("db.system.name", "redis");
        pipeline?.SetTag("db.system", "redis");
        pipeline?.SetTag("db.operation.name", "PIPELINE");
        pipeline?.SetTag("codecrafts.attempt_observers", _observers.Length);
        var pending = new Task[_observers.Length];
        for (var i = 0; i < _observers.Length; i++)
        {
            pending[i] = ObserveAsync(_observers[i], attempt, batch);
        }
        batch?.Execute();
        await Task.WhenAll(pending);
    }

    private async Task ObserveAsync(IAttemptObserver observer, AttemptRecorded attempt, StackExchange.Redis.IBatch? batch)
    {
        try
        {
            await observer.ObserveAsync(attempt, batch);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogObserverFailed(logger, observer.GetType().Name, attempt.AttemptId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attempt observer {Observer} failed for attempt {AttemptId}")]
    private static partial void LogObserverFailed(ILogger logger, string observer, Guid attemptId, Exception exception);
}
