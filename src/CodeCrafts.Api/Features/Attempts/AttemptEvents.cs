using CodeCrafts.Api.Common;

namespace CodeCrafts.Api.Features.Attempts;

/// <summary>
/// Publishes <see cref="AttemptRecorded"/> to every <see cref="IAttemptObserver"/> (the progress and streak caches, the XP
/// boards, the difficulty rating; registered by their own features, in any order) with one Redis round trip for all of
/// them: each queues its commands on a shared batch, which is then sent as one pipeline.
/// </summary>
internal sealed partial class AttemptEvents(IEnumerable<IAttemptObserver> observers, RedisAccessor redis, ILogger<AttemptEvents> logger)
{
    private readonly IAttemptObserver[] _observers = [.. observers];

    /// <summary>Never throws: the answer is committed, and each observer repairs what it could not write.</summary>
    public async Task PublishAsync(AttemptRecorded attempt)
    {
        var batch = redis.TryGetDatabase()?.CreateBatch();
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
