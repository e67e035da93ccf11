using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Streaks;

/// <summary>Reads streaks through the cache and writes them to PostgreSQL, the source of truth.</summary>
internal sealed class StreakStore(StreakCache cache)
{
    /// <summary>The cached streak, or PostgreSQL's (which then refills the cache); null for an unknown user.</summary>
    public async Task<StreakState?> GetAsync(CodeCraftsDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(userId) is { } cached)
        {
            return cached;
        }
        var stored = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new StreakState(u.CurrentStreak, u.LongestStreak, u.LastActiveOn, u.LastActiveTimeZoneId))
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is not null)
        {
            await cache.SetAsync(userId, stored);
        }
        return stored;
    }

    /// <summary>
    /// Moves the streak from <paramref name="seen"/> to <paramref name="next"/> only if it is still <paramref name="seen"/>:
    /// a conditional UPDATE, so two answers can never both extend the same day.
    /// </summary>
    public static async Task UpdateAsync(CodeCraftsDbContext db, Guid userId, StreakState seen, StreakState next, CancellationToken cancellationToken)
    {
        var updated = await db.Users
            .Where(u => u.Id == userId && u.CurrentStreak == seen.Current && u.LastActiveOn == seen.LastActiveOn)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.CurrentStreak, next.Current)
                .SetProperty(u => u.LongestStreak, next.Longest)
                .SetProperty(u => u.LastActiveOn, next.LastActiveOn)
                .SetProperty(u => u.LastActiveTimeZoneId, next.LastActiveTimeZoneId), cancellationToken);
        if (updated != 1)
        {
            // The attempt holds the user's row lock, so only a writer outside it can get here.
            throw new DbUpdateConcurrencyException($"The streak of user {userId} changed during the attempt.");
        }
    }

    /// <summary>Writes the committed streak back to the cache (never throws).</summary>
    public Task CacheAsync(Guid userId, StreakState state) => cache.SetAsync(userId, state);
}
