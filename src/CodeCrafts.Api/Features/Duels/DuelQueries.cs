using CodeCrafts.Api.Common;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>
/// Reads duels. Reading also moves a due duel along (expires a stale challenge, pairs or bot-matches a waiting
/// matchmaking entry, finishes an overdue duel), so a polling client sees the right state even between the
/// background service's sweeps. Each of those moves is the same conditional transition the service uses.
/// </summary>
internal sealed class DuelQueries(CodeCraftsDbContext db, DuelAcceptance acceptance, Matchmaker matchmaker, DuelFinisher finisher, TimeProvider time)
{
    public async Task<DuelReply<DuelView>> GetAsync(Guid duelId, Guid userId, CancellationToken ct)
    {
        var found = await DuelAccess.FindPlayedByAsync(db, duelId, userId, ct);
        if (found.Problem is { } problem)
        {
            return problem;
        }
        var duel = found.Value!;

        var now = time.GetUtcNow();
        var due = true;
        if (duel.MatchedDuelId is null && DuelViews.IsMatchmakingEntry(duel))
        {
            await matchmaker.TryMatchAsync(duel.Id, skipLocked: false, ct);
        }
        else if (duel.Status == DuelStatus.Pending && duel.ExpiresAt <= now)
        {
            await acceptance.ExpireAsync(duel.Id, now, ct);
        }
        else if (duel.Status == DuelStatus.Active && await IsOverAsync(duel, now, ct))
        {
            await finisher.TryFinishAsync(duel.Id, skipLocked: false, ct);
        }
        else
        {
            due = false;
        }
        if (due)
        {
            // Re-read whether this request made the move or waited for another request or replica that did.
            duel = await db.Duels.AsNoTracking().SingleAsync(d => d.Id == duelId, ct);
        }
        if (duel.MatchedDuelId is { } matched)
        {
            // A matchmaking entry that was paired into another player's entry: that is where this player plays.
            duel = await db.Duels.AsNoTracking().SingleAsync(d => d.Id == matched, ct);
        }
        return await DuelViews.BuildAsync(db, duel, userId, now, ct);
    }

    public async Task<PagedResult<DuelSummary>> ListAsync(Guid userId, DuelStatus? status, PageRequest page, CancellationToken ct)
    {
        var mine = db.Duels.AsNoTracking()
            .Where(d => (d.ChallengerId == userId || d.OpponentId == userId) && d.MatchedDuelId == null);
        if (status is { } s)
        {
            mine = mine.Where(d => d.Status == s);
        }
        var total = await mine.LongCountAsync(ct);
        var items = await mine.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new PagedResult<DuelSummary>(items.Select(DuelViews.Summary).ToList(), page.Page, page.PageSize, total);
    }

    private async Task<bool> IsOverAsync(Duel duel, DateTimeOffset now, CancellationToken ct) =>
        now >= duel.Deadline || (await DuelTally.ComputeAsync(db, duel, now, ct)).BothDone;
}
