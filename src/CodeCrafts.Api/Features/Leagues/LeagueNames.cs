using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;

namespace CodeCrafts.Api.Features.Leagues;

/// <summary>
/// Display names of a cohort's members from <see cref="HybridCache"/> (memory, then Redis), loading the missing ones
/// from PostgreSQL together. The entries are the boards' own ("name:" + member, see Leaderboards' DisplayNames), so a
/// rename that forgets one forgets it here too; this copy of the key spares Leagues an import of Leaderboards.
/// </summary>
internal sealed class LeagueNames(HybridCache cache, CodeCraftsDbContext db)
{
    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = TimeSpan.FromHours(1), LocalCacheExpiration = TimeSpan.FromMinutes(1) };
    private static readonly HybridCacheEntryOptions CachedOnly = new() { Flags = HybridCacheEntryFlags.DisableUnderlyingData };

    public async Task<Dictionary<Guid, string>> ForAsync(IReadOnlyCollection<Guid> users, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        var missing = new List<Guid>();
        foreach (var user in users)
        {
            var name = await cache.GetOrCreateAsync<string?>(Key(user), static _ => ValueTask.FromResult<string?>(null), CachedOnly, cancellationToken: ct);
            if (name is null)
            {
                missing.Add(user);
            }
            else
            {
                names[user] = name;
            }
        }
        if (missing.Count == 0)
        {
            return names;
        }
        var loaded = await db.Users.AsNoTracking().Where(u => missing.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        foreach (var user in loaded)
        {
            names[user.Id] = user.DisplayName;
            await cache.SetAsync(Key(user.Id), user.DisplayName, Entry, cancellationToken: ct);
        }
        return names;
    }

    private static string Key(Guid user) => "name:" + LeagueRedis.Member(user);
}
