using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>
/// Row locks for duel transitions. On PostgreSQL these are <c>SELECT … FOR UPDATE</c> inside the caller's
/// transaction; SQLite has no row locks but runs one writing transaction at a time (BEGIN IMMEDIATE), which
/// gives the same exclusion, so the statements are skipped there.
/// </summary>
internal static class DuelLocks
{
    /// <summary>Waits for and holds the duel's row until the transaction ends.</summary>
    public static async Task LockDuelAsync(CodeCraftsDbContext db, Guid duelId, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM duels WHERE \"Id\" = {duelId} FOR UPDATE", ct);
        }
    }

    /// <summary>
    /// Locks the duel's row; false if it does not exist. With <paramref name="skipLocked"/> (the background
    /// service) a row another transaction holds is skipped at once, so replicas share the work without waiting
    /// on each other; a request waits instead, so that it then sees what the other transaction did.
    /// </summary>
    public static async Task<bool> TryLockDuelAsync(CodeCraftsDbContext db, Guid duelId, bool skipLocked, CancellationToken ct) =>
        (await TryLockDuelsAsync(db, [duelId], skipLocked, ct)).Count == 1;

    /// <summary>Locks these duels' rows in id order (so two lockers never deadlock) and returns the ids it holds.</summary>
    public static async Task<IReadOnlyList<Guid>> TryLockDuelsAsync(CodeCraftsDbContext db, IReadOnlyList<Guid> duelIds, bool skipLocked, CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Postgres)
        {
            return await db.Duels.Where(d => duelIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        }
        var ids = duelIds.ToArray();
        return skipLocked
            ? await db.Database
                .SqlQuery<Guid>($"SELECT \"Id\" AS \"Value\" FROM duels WHERE \"Id\" = ANY({ids}) ORDER BY \"Id\" FOR UPDATE SKIP LOCKED")
                .ToListAsync(ct)
            : await db.Database
                .SqlQuery<Guid>($"SELECT \"Id\" AS \"Value\" FROM duels WHERE \"Id\" = ANY({ids}) ORDER BY \"Id\" FOR UPDATE")
                .ToListAsync(ct);
    }

    /// <summary>Locks players' rows in id order, so two finishing duels that share a player cannot deadlock.</summary>
    public static async Task LockUsersAsync(CodeCraftsDbContext db, IEnumerable<Guid> userIds, CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Postgres)
        {
            return;
        }
        foreach (var id in userIds.Distinct().Order())
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM users WHERE \"Id\" = {id} FOR UPDATE", ct);
        }
    }
}
