using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>
/// The pending duel's way out: accepted (Active), declined or withdrawn (Cancelled). Each transition is a
/// conditional update on the pending status under the duel's row lock, so of racing requests exactly one wins.
/// </summary>
internal sealed class DuelAcceptance(
    CodeCraftsDbContext db, DuelStarter starter, MatchmakingQueue queue, TimeProvider time, DuelEvents events)
{
    public async Task<DuelReply<Duel>> AcceptAsync(Guid duelId, Guid userId, CancellationToken ct)
    {
        using var activity = DuelTelemetry.Source.StartActivity("duel.accept");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await DuelLocks.LockDuelAsync(db, duelId, ct);
        var found = await DuelAccess.FindPlayedByAsync(db, duelId, userId, ct);
        if (found.Problem is { } problem)
        {
            return problem;
        }
        var duel = found.Value!;
        if (duel.OpponentId != userId)
        {
            return new DuelProblem(StatusCodes.Status403Forbidden, "Not yours to accept", "Only the challenged player can accept a challenge.");
        }
        var now = time.GetUtcNow();
        if (duel.Status == DuelStatus.Pending && duel.ExpiresAt <= now)
        {
            await ExpireAsync(duel.Id, now, ct);
            await transaction.CommitAsync(ct);
            return DuelProblem.Conflict("Challenge expired", $"The challenge expired at {duel.ExpiresAt:O}.");
        }
        if (duel.Status == DuelStatus.Expired)
        {
            return DuelProblem.Conflict("Challenge expired", $"The challenge expired at {duel.ExpiresAt:O}.");
        }
        if (duel.Status != DuelStatus.Pending)
        {
            return DuelProblem.Conflict("Not pending", $"The duel is {duel.Status.ToString().ToLowerInvariant()}; only a pending challenge can be accepted.");
        }

        var ratings = await db.Users.Where(u => u.Id == duel.ChallengerId || u.Id == userId).Select(u => u.Rating).ToListAsync(ct);
        var start = await starter.PrepareAsync(duel.Id, duel.Language, duel.QuestionCount, ratings.Average(), null, null, now, ct);
        if (start is null)
        {
            return DuelProblem.Conflict("Not enough questions", $"There are fewer than {duel.QuestionCount} duel questions in {duel.Language}.");
        }
        var rows = await db.Duels
            .Where(d => d.Id == duelId && d.Status == DuelStatus.Pending && d.OpponentId == userId && d.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DuelStatus.Active)
                .SetProperty(d => d.StartedAt, start.StartedAt)
                .SetProperty(d => d.Deadline, start.Deadline), ct);
        if (rows != 1)
        {
            return DuelProblem.Conflict("Not pending", "The challenge was answered by another request.");
        }
        db.DuelQuestions.AddRange(start.Questions);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        DuelTelemetry.Started.Add(1, new KeyValuePair<string, object?>("via", "challenge"));
        await events.DuelStartedAsync(
            new DuelStarted(duel.Id, [duel.ChallengerId, userId], OpponentKind.User, start.StartedAt, start.Deadline), ct);
        return await db.Duels.AsNoTracking().SingleAsync(d => d.Id == duelId, ct);
    }

    /// <summary>The challenged player declines, or the challenger withdraws a challenge or leaves the matchmaking queue.</summary>
    public async Task<DuelReply<Duel>> DeclineAsync(Guid duelId, Guid userId, CancellationToken ct)
    {
        var found = await DuelAccess.FindPlayedByAsync(db, duelId, userId, ct);
        if (found.Problem is { } problem)
        {
            return problem;
        }
        var duel = found.Value!;
        var now = time.GetUtcNow();
        var rows = await db.Duels
            .Where(d => d.Id == duelId && d.Status == DuelStatus.Pending && (d.ExpiresAt > now || d.OpponentId == null))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DuelStatus.Cancelled), ct);
        if (rows != 1)
        {
            var status = await db.Duels.Where(d => d.Id == duelId).Select(d => d.Status).SingleAsync(ct);
            return DuelProblem.Conflict("Not pending", status == DuelStatus.Pending
                ? "The challenge has expired."
                : $"The duel is {status.ToString().ToLowerInvariant()}; only a pending duel can be declined.");
        }
        if (DuelViews.IsMatchmakingEntry(duel))
        {
            await queue.RemoveAsync(duel.Language, new QueuedPlayer(duel.Id, duel.ChallengerId, duel.CreatedAt, 0));
        }
        DuelTelemetry.Closed.Add(1, new KeyValuePair<string, object?>("status", "cancelled"));
        return await db.Duels.AsNoTracking().SingleAsync(d => d.Id == duelId, ct);
    }

    /// <summary>Expires a pending challenge whose time is up; a no-op if something else changed it first.</summary>
    public async Task<bool> ExpireAsync(Guid duelId, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Duels
            .Where(d => d.Id == duelId && d.Status == DuelStatus.Pending && d.OpponentId != null && d.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DuelStatus.Expired), ct);
        if (rows == 1)
        {
            DuelTelemetry.Closed.Add(1, new KeyValuePair<string, object?>("status", "expired"));
        }
        return rows == 1;
    }
}
