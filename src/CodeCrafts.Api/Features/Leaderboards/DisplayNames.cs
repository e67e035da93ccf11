using CodeCrafts.Api.Common;
using Microsoft.Extensions.Caching.Memory;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Leaderboards;

/// <summary>
/// Display names for board pages without a query per row: this replica's memory (a minute), then the shared Redis hash
/// (an hour), then one PostgreSQL query for whatever is still missing on the page.
/// </summary>
internal sealed class DisplayNames(RedisAccessor redis, IMemoryCache memory, IServiceScopeFactory scopes)
{
    public const string RedisKey = "lb:names";
    public static readonly TimeSpan LocalLifetime = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan SharedLifetime = TimeSpan.FromHours(1);

    public async Task<Dictionary<string, string>> ForMembersAsync(IReadOnlyList<string> members, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(members.Count);
        var missing = new List<string>();
        foreach (var member in members)
        {
            if (memory.TryGetValue(LocalKey(member), out string? name) && name is not null)
            {
                names[member] = name;
            }
            else
            {
                missing.Add(member);
            }
        }
        if (missing.Count == 0)
        {
            return names;
        }

        var db = redis.TryGetDatabase();
        if (db is not null)
        {
            try
            {
                var shared = await db.HashGetAsync(RedisKey, [.. missing.Select(m => (RedisValue)m)]);
                for (var i = shared.Length - 1; i >= 0; i--)
                {
                    if (shared[i].HasValue)
                    {
                        Remember(names, missing[i], shared[i]!);
                        missing.RemoveAt(i);
                    }
                }
            }
            catch (Exception ex) when (RedisBoards.IsFailure(ex))
            {
                db = null;
            }
        }
        if (missing.Count == 0)
        {
            return names;
        }

        Dictionary<Guid, string> loaded;
        await using (var scope = scopes.CreateAsyncScope())
        {
            loaded = await scope.ServiceProvider.GetRequiredService<LeaderboardSource>()
                .DisplayNamesAsync([.. missing.Select(m => Guid.ParseExact(m, "N"))], ct);
        }
        foreach (var (id, name) in loaded)
        {
            Remember(names, BoardScore.Member(id), name);
        }
        if (db is not null && loaded.Count > 0)
        {
            try
            {
                await db.HashSetAsync(RedisKey, [.. loaded.Select(n => new HashEntry(BoardScore.Member(n.Key), n.Value))]);
                await db.KeyExpireAsync(RedisKey, SharedLifetime, ExpireWhen.HasNoExpiry);
            }
            catch (Exception ex) when (RedisBoards.IsFailure(ex))
            {
                // The names are served anyway; the next page asks PostgreSQL again.
            }
        }
        return names;
    }

    /// <summary>After a rename: gone from the shared hash at once, and from every replica's memory within a minute.</summary>
    public async Task ForgetAsync(Guid userId)
    {
        var member = BoardScore.Member(userId);
        memory.Remove(LocalKey(member));
        if (redis.TryGetDatabase() is { } db)
        {
            await db.HashDeleteAsync(RedisKey, member);
        }
    }

    private void Remember(Dictionary<string, string> names, string member, string name)
    {
        names[member] = name;
        memory.Set(LocalKey(member), name, LocalLifetime);
    }

    private static string LocalKey(string member) => "lb:name:" + member;
}
