namespace CodeCrafts.Api.Common.Limits;

/// <summary>
/// Where the counts live: Redis (shared by the replicas) or this process. Times are Unix milliseconds from the Api's
/// <see cref="TimeProvider"/>, so both backends agree on windows, and tests can move the clock.
/// </summary>
internal interface ILimitBackend
{
    /// <summary>Counts one request in the fixed window <paramref name="windowKey"/>; returns the count so far.</summary>
    Task<long> CountAsync(string windowKey, long expiresAtMs, long nowMs);

    /// <summary>Counts one failure; returns the failures so far (forgotten <paramref name="forgetMs"/> after the last one).</summary>
    Task<long> AddFailureAsync(string key, long nowMs, long forgetMs);

    /// <summary>The failures so far and when the last one was, or (0, 0).</summary>
    Task<(long Failures, long LastMs)> ReadFailuresAsync(string key, long nowMs);

    Task ClearFailuresAsync(string key);

    /// <summary>Takes a place among at most <paramref name="capacity"/> holders; a holder that never leaves is dropped at <paramref name="expiresAtMs"/>.</summary>
    Task<bool> TryEnterAsync(string key, string holder, int capacity, long nowMs, long expiresAtMs);

    Task LeaveAsync(string key, string holder);
}
