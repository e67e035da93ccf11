using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Attempts;

/// <summary>
/// Told about every committed answer (<see cref="AttemptEvents"/>), after the commit; the answer is saved whatever an
/// observer does, so an observer never throws for a failure it can repair (it marks its Redis entries for rebuilding).
/// </summary>
public interface IAttemptObserver
{
    /// <summary>
    /// Queue this observer's Redis commands on <paramref name="redis"/> (null when Redis is not configured or not connected)
    /// <b>before</b> the returned task first waits: the publisher sends every observer's commands in one pipeline, and only
    /// after all observers have queued theirs. Work that is not Redis (a background queue) is handed off, not awaited.
    /// </summary>
    Task ObserveAsync(AttemptRecorded attempt, IBatch? redis);
}
