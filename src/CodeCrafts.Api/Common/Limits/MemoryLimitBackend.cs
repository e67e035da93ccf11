namespace CodeCrafts.Api.Common.Limits;

/// <summary>
/// The counts of this replica alone: used without Redis, and while Redis does not answer. One lock over small
/// dictionaries (every operation is a few lookups); expired entries are swept now and then so memory stays bounded.
/// </summary>
internal sealed class MemoryLimitBackend : ILimitBackend
{
    private const int SweepEvery = 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Count, long ExpiresAtMs)> _windows = [];
    private readonly Dictionary<string, (long Failures, long LastMs, long ExpiresAtMs)> _failures = [];
    private readonly Dictionary<string, Dictionary<string, long>> _holders = [];
    private int _operations;

    public Task<long> CountAsync(string windowKey, long expiresAtMs, long nowMs)
    {
        lock (_gate)
        {
            SweepNowAndThen(nowMs);
            var count = _windows.TryGetValue(windowKey, out var entry) && entry.ExpiresAtMs > nowMs ? entry.Count + 1 : 1;
            _windows[windowKey] = (count, expiresAtMs);
            return Task.FromResult(count);
        }
    }

    public Task<long> AddFailureAsync(string key, long nowMs, long forgetMs)
    {
        lock (_gate)
        {
            SweepNowAndThen(nowMs);
            var failures = _failures.TryGetValue(key, out var entry) && entry.ExpiresAtMs > nowMs ? entry.Failures + 1 : 1;
            _failures[key] = (failures, nowMs, nowMs + forgetMs);
            return Task.FromResult(failures);
        }
    }

    public Task<(long Failures, long LastMs)> ReadFailuresAsync(string key, long nowMs)
    {
        lock (_gate)
        {
            return Task.FromResult(_failures.TryGetValue(key, out var entry) && entry.ExpiresAtMs > nowMs
                ? (entry.Failures, entry.LastMs)
                : (0L, 0L));
        }
    }

    public Task ClearFailuresAsync(string key)
    {
        lock (_gate)
        {
            _failures.Remove(key);
        }
        return Task.CompletedTask;
    }

    public Task<bool> TryEnterAsync(string key, string holder, int capacity, long nowMs, long expiresAtMs)
    {
        lock (_gate)
        {
            if (!_holders.TryGetValue(key, out var holders))
            {
                _holders[key] = holders = [];
            }
            foreach (var (stale, _) in holders.Where(h => h.Value <= nowMs).ToList())
            {
                holders.Remove(stale);
            }
            if (holders.Count >= capacity)
            {
                return Task.FromResult(false);
            }
            holders[holder] = expiresAtMs;
            return Task.FromResult(true);
        }
    }

    public Task LeaveAsync(string key, string holder)
    {
        lock (_gate)
        {
            if (_holders.TryGetValue(key, out var holders) && holders.Remove(holder) && holders.Count == 0)
            {
                _holders.Remove(key);
            }
        }
        return Task.CompletedTask;
    }

    private void SweepNowAndThen(long nowMs)
    {
        if (++_operations % SweepEvery != 0)
        {
            return;
        }
        foreach (var key in _windows.Where(w => w.Value.ExpiresAtMs <= nowMs).Select(w => w.Key).ToList())
        {
            _windows.Remove(key);
        }
        foreach (var key in _failures.Where(f => f.Value.ExpiresAtMs <= nowMs).Select(f => f.Key).ToList())
        {
            _failures.Remove(key);
        }
    }
}
