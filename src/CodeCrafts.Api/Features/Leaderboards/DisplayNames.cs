using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;

namespace CodeCrafts.Api.Features.Leaderboards;

/// <summary>
/// Display names for board pages without a query per row, in <see cref="HybridCache"/>: this replica's memory (a minute),
/// then Redis (an hour), then one PostgreSQL query for whatever is still missing on the page.
/// </summary>
internal sealed class DisplayNames(HybridCache cache, CodeCraftsDbContext db)
{
    public static readonly TimeSpan LocalLifetime = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan SharedLifetime = TimeSpan.FromHours(1);

    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = SharedLifetime, LocalCacheExpiration = LocalLifetime };

    // A page's names are looked up one by one in the cache (memory, then Redis) but loaded from PostgreSQL together.
    private static readonly HybridCacheEntryOptions CachedOnly = new() { Flags = HybridCacheEntryFlags.DisableUnderlyingData };

    public static string Key(string member) => "name:" + member;

    public async Task<Dictionary<string, string>> ForMembersAsync(IReadOnlyList<string> members, CancellationToken ct)
    {
        var distinct = members.Distinct().ToList();
        var cached = await Task.WhenAll(distinct.Select(async member =>
            (Member: member, Name: await cache.GetOrCreateAsync<string?>(Key(member), static _ => ValueTask.FromResult<string?>(null), CachedOnly, cancellationToken: ct))));
        var names = cached.Where(c => c.Name is not null).ToDictionary(c => c.Member, c => c.Name!);
        var missing = cached.Where(c => c.Name is null).Select(c => Guid.ParseExact(c.Member, "N")).ToList();
        if (missing.Count == 0)
        {
            return names;
        }
        var loaded = await db.Users.AsNoTracking().Where(u => missing.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        foreach (var user in loaded)
        {
            var member = BoardScore.Member(user.Id);
            names[member] = user.DisplayName;
            await cache.SetAsync(Key(member), user.DisplayName, Entry, cancellationToken: ct);
        }
        return names;
    }

    /// <summary>After a rename: gone from Redis and this replica at once, and from every other replica's memory within a minute.</summary>
    public ValueTask ForgetAsync(Guid userId, CancellationToken ct) => cache.RemoveAsync(Key(BoardScore.Member(userId)), ct);
}
