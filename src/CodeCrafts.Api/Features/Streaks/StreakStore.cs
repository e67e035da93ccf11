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
            .Select(u => new StreakState(u.CurrentStreak, u.LongestStreak, u.LastActiveOn, u.LastActiveTimeZoneId, u.StreakFreezes, u.StreakFreezesUsed))
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is not null)
        {
            await cache.FillAsync(userId, stored);
        }
        return stored;
    }

    /// <summary>
    /// The days from <paramref name="from"/> to <paramref name="to"/> a freeze covered: those an answer stored, and those
    /// the missed days since the last answer are using now (<see cref="StreakView.PendingFrozenDays"/>), never written by a read.
    /// </summary>
    public async Task<HashSet<DateOnly>> FrozenDaysAsync(Guid userId, StreakView view, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var stored = await db.StreakFrozenDays.AsNoTracking()
            .Where(f => f.UserId == userId && f.Day >= from && f.Day <= to)
            .Select(f => f.Day)
            .ToListAsync(cancellationToken);
        return [.. stored, .. view.PendingFrozenDays.Where(d => d >= from && d <= to)];
    }
}
