using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Streaks;

/// <summary>Reads a learner's streak through the cache; PostgreSQL (the user row) answers a miss and refills it.</summary>
internal sealed class StreakStore(StreakCache cache, CodeCraftsDbContext db)
{
    /// <summary>The cached streak, or PostgreSQL's (which then refills the cache); null for an unknown user.</summary>
    public async Task<StreakState?> GetAsync(Guid userId, CancellationToken cancellationToken)
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
            await cache.FillAsync(userId, stored);
        }
        return stored;
    }
}
