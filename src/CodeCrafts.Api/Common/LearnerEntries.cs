using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using StackExchange.Redis;

namespace CodeCrafts.Api.Common;

/// <summary>
/// The one pattern for per-learner Redis entries that PostgreSQL can rebuild (the streak and progress caches; also a
/// learner's cached display name whose removal Redis did not take, see <see cref="RedisDistributedCache"/>):
/// a read that misses goes to PostgreSQL and fills the entry; each committed answer writes through (<see cref="WriteAsync"/>),
/// guarded so an older value never overwrites a newer one; and one repair path: a write Redis did not take marks the entry
/// stale here, and <see cref="StaleEntryRepairer"/> deletes every stale entry as soon as Redis answers again, so the next
/// read rebuilds it from PostgreSQL. Entries also expire, which bounds staleness if a replica dies with its list.
/// </summary>
internal sealed partial class LearnerEntries(RedisAccessor redis, ILogger<LearnerEntries> logger)
{
    private static readonly Meter Meter = new(Telemetry.ServiceName);
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "codecrafts.cache.write_failures", "{write}", "Per-learner cache writes that Redis did not take (repaired when it is back)");

    private readonly ConcurrentDictionary<RedisKey, byte> _stale = new();

    /// <summary>Raised when Redis took a write while entries wait to be repaired: it answers again.</summary>
    public event Action? RepairNeeded;

    public bool IsEmpty => _stale.IsEmpty;

    /// <summary>
    /// Writes one entry through; never throws, so Redis can never fail an answer. <paramref name="write"/> queues its
    /// command on <paramref name="db"/> before this method first waits, so a shared pipeline (a batch) carries it;
    /// <paramref name="db"/> is null when Redis is not connected.
    /// </summary>
    public async Task WriteAsync(IDatabaseAsync? db, RedisKey key, string cache, Func<IDatabaseAsync, Task> write)
    {
        if (!redis.IsConfigured)
        {
            return;
        }
        if (db is null)
        {
            MarkStale(key, cache);
            return;
        }
        try
        {
            await redis.WithinBudgetAsync(write(db));
            if (!_stale.IsEmpty)
            {
                // Redis took this write while others wait: it answers again, and the repair can run.
                RepairNeeded?.Invoke();
            }
        }
        catch (Exception ex) when (RedisAccessor.IsFailure(ex))
        {
            LogWriteFailed(logger, cache, key.ToString(), ex.Message);
            MarkStale(key, cache);
        }
    }

    public void MarkStale(RedisKey key, string cache)
    {
        _stale.TryAdd(key, 0);
        Failures.Add(1, new KeyValuePair<string, object?>("cache", cache));
    }

    /// <summary>Takes the stale keys; the repairer puts back those it could not delete.</summary>
    public IReadOnlyList<RedisKey> Take()
    {
        var taken = new List<RedisKey>();
        foreach (var key in _stale.Keys)
        {
            if (_stale.TryRemove(key, out _))
            {
                taken.Add(key);
            }
        }
        return taken;
    }

    public void Return(IEnumerable<RedisKey> keys)
    {
        foreach (var key in keys)
        {
            _stale.TryAdd(key, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Cache} cache could not write {Key}: {Reason}; the entry is dropped when Redis is back")]
    private static partial void LogWriteFailed(ILogger logger, string cache, string key, string reason);
}

/// <summary>Deletes the stale learner entries (see <see cref="LearnerEntries"/>) when Redis reconnects, answers again after a stall, or takes a write again.</summary>
internal sealed partial class StaleEntryRepairer(LearnerEntries stale, RedisAccessor redis, ILogger<StaleEntryRepairer> logger) : BackgroundService
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (redis.Multiplexer is not { } multiplexer)
        {
            return;
        }
        multiplexer.ConnectionRestored += (_, _) => Signal();
        // A stall ends without a reconnect: the accessor's PING tells when Redis answers again.
        redis.Answering += Signal;
        stale.RepairNeeded += Signal;
        while (!stoppingToken.IsCancellationRequested)
        {
            await _signal.WaitAsync(stoppingToken);
            await RepairAsync();
        }
    }

    private async Task RepairAsync()
    {
        var keys = stale.Take();
        if (keys.Count == 0)
        {
            return;
        }
        if (redis.TryGetDatabase() is not { } db)
        {
            stale.Return(keys);
            return;
        }
        try
        {
            foreach (var chunk in keys.Chunk(500))
            {
                await db.KeyDeleteAsync(chunk);
            }
            LogRepaired(logger, keys.Count);
        }
        catch (Exception ex) when (RedisAccessor.IsFailure(ex))
        {
            // Deleting twice is harmless: the whole list waits for the next signal.
            stale.Return(keys);
            LogRepairFailed(logger, ex);
        }
    }

    private void Signal()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // A repair is already pending; it takes everything that is stale by then.
        }
    }

    public override void Dispose()
    {
        _signal.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped {Count} stale learner cache entries; PostgreSQL refills them on the next read")]
    private static partial void LogRepaired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping stale learner cache entries failed; retrying on the next reconnect")]
    private static partial void LogRepairFailed(ILogger logger, Exception exception);
}
