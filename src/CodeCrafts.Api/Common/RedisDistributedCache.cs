using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace CodeCrafts.Api.Common;

/// <summary>
/// HybridCache's second level on the Api's own Redis connection. Redis is optional here as everywhere: when it is not
/// connected, stalled, or a command fails or overruns the request budget, a read is a miss and a write is skipped (never
/// an error, never more than the budget's wait), and HybridCache goes on to PostgreSQL. A removal Redis did not take
/// (a renamed learner's cached name) follows the learner-entry repair: the key is deleted once Redis answers again.
/// </summary>
internal sealed class RedisDistributedCache(RedisAccessor redis, LearnerEntries stale) : IDistributedCache
{
    private const string Prefix = "hc:";

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        await TryAsync(db => db.StringGetAsync(Prefix + key), RedisValue.Null) is { HasValue: true } value ? (byte[]?)value : null;

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        TryAsync(db => Lifetime(options) is { } ttl ? db.StringSetAsync(Prefix + key, value, ttl) : db.StringSetAsync(Prefix + key, value), false);

    // HybridCache sets absolute lifetimes only; nothing slides.
    public void Refresh(string key)
    {
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        // Whether the key existed does not matter, only that Redis took the command.
        var taken = await TryAsync(async db =>
        {
            await db.KeyDeleteAsync(Prefix + key);
            return true;
        }, false);
        if (redis.IsConfigured && !taken)
        {
            stale.MarkStale(Prefix + key, "hybrid");
        }
    }

    private static TimeSpan? Lifetime(DistributedCacheEntryOptions options) =>
        options.AbsoluteExpirationRelativeToNow ?? (options.AbsoluteExpiration is { } at ? at - DateTimeOffset.UtcNow : null);

    private async Task<T> TryAsync<T>(Func<IDatabase, Task<T>> command, T fallback)
    {
        if (redis.TryGetDatabase() is not { } db)
        {
            return fallback;
        }
        try
        {
            return await redis.WithinBudgetAsync(command(db));
        }
        catch (Exception ex) when (RedisAccessor.IsFailure(ex))
        {
            return fallback;
        }
    }
}
