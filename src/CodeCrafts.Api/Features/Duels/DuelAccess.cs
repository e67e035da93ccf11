using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Duels;

internal static class DuelAccess
{
    /// <summary>The duel, if it exists and the caller plays in it: 404 for an unknown duel, 403 for someone else's.</summary>
    public static async Task<DuelReply<Duel>> FindPlayedByAsync(CodeCraftsDbContext db, Guid duelId, Guid userId, CancellationToken ct)
    {
        var duel = await db.Duels.AsNoTracking().SingleOrDefaultAsync(d => d.Id == duelId, ct);
        if (duel is null)
        {
            return DuelProblem.NotFound(duelId);
        }
        return duel.ChallengerId == userId || duel.OpponentId == userId ? duel : DuelProblem.NotYours();
    }
}
