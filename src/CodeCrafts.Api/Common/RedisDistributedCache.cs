using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace CodeCrafts.Api.Common;

/// <summary>
/// HybridCache's second level on the Api's own Redis connection. Redis is optional here as everywhere: when it is not
/// connected, or a command fails, a read is a miss and a write is skipped (never an error, never a wait for a timeout),
/// and HybridCache goes on to PostgreSQL.
/// </summary>
internal sealed class RedisDistributedCache(RedisAccessor redis) : IDistributedCache
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

    public Task RemoveAsync(string key, CancellationToken token = default) => TryAsync(db => db.KeyDeleteAsync(Prefix + key), false);

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
            return await command(db);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            return fallback;
        }
    }
}
