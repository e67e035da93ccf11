using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>What a finish produced, to publish once the transaction has committed.</summary>
internal sealed record FinishedDuel(Guid DuelId, IReadOnlyList<Guid> Recipients, DuelResultView Result, IReadOnlyList<PlayerRating> Ratings);

/// <summary>
/// Closes a duel: decides the winner (more correct answers; on a tie less total time; otherwise a draw), and
/// writes the result and both players' new ratings in the transaction that moves the duel from Active to
/// Finished, so a duel is rated exactly once however many requests or replicas try to finish it.
/// </summary>
internal sealed class DuelFinisher(CodeCraftsDbContext db, DuelRatings ratings, DuelEvents events, TimeProvider time)
{
    /// <summary>
    /// Finishes the duel if it is over (everyone answered everything, or the deadline passed). The caller holds
    /// the duel's row lock in an open transaction and commits; null when the duel is not over or not active.
    /// </summary>
    public async Task<FinishedDuel?> FinishIfOverAsync(Duel duel, DateTimeOffset now, CancellationToken ct)
    {
        if (duel.Status != DuelStatus.Active)
        {
            return null;
        }
        var tally = await DuelTally.ComputeAsync(db, duel, now, ct);
        var deadlinePassed = now >= duel.Deadline;
        if (!tally.BothDone && !deadlinePassed)
        {
            return null;
        }

        using var activity = DuelTelemetry.Source.StartActivity("duel.finish");
        activity?.SetTag("duel.id", duel.Id);
        var outcome = Decide(tally);
        var updates = await ratings.ComputeAsync(duel, outcome, now, ct);
        double? challengerChange = updates.First(u => u.UserId == duel.ChallengerId).Change;
        double? opponentChange = updates.FirstOrDefault(u => u.UserId == duel.OpponentId)?.Change;
        Guid? winnerId = outcome switch
        {
            DuelOutcome.ChallengerWon => duel.ChallengerId,
            DuelOutcome.OpponentWon => duel.OpponentId,
            _ => null,
        };

        var rows = await db.Duels
            .Where(d => d.Id == duel.Id && d.Status == DuelStatus.Active)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DuelStatus.Finished)
                .SetProperty(d => d.FinishedAt, now)
                .SetProperty(d => d.ChallengerScore, tally.Challenger.Correct)
                .SetProperty(d => d.OpponentScore, tally.Opponent.Correct)
                .SetProperty(d => d.ChallengerTimeMs, tally.Challenger.TimeMs)
                .SetProperty(d => d.OpponentTimeMs, tally.Opponent.TimeMs)
                .SetProperty(d => d.Outcome, outcome)
                .SetProperty(d => d.WinnerId, winnerId)
                .SetProperty(d => d.ChallengerRatingChange, challengerChange)
                .SetProperty(d => d.OpponentRatingChange, opponentChange)
                .SetProperty(d => d.NextBotAnswerAt, (DateTimeOffset?)null), ct);
        if (rows != 1)
        {
            // Someone else finished it first: their transaction rated it, this one writes nothing.
            return null;
        }
        await DuelRatings.ApplyAsync(db, updates, now, ct);

        var reason = tally.BothDone ? "completed" : "deadline";
        activity?.SetTag("duel.outcome", outcome.ToString());
        activity?.SetTag("duel.finish_reason", reason);
        DuelTelemetry.Finished.Add(1, new("outcome", outcome.ToString()), new("reason", reason));

        var result = new DuelResultView(
            outcome, winnerId, now,
            new DuelSideResult(tally.Challenger.Correct, tally.Challenger.TimeMs, challengerChange),
            new DuelSideResult(tally.Opponent.Correct, tally.Opponent.TimeMs, opponentChange));
        var recipients = duel.OpponentId is { } opponent ? new[] { duel.ChallengerId, opponent } : [duel.ChallengerId];
        return new FinishedDuel(duel.Id, recipients, result, [.. updates.Select(u => new PlayerRating(u.UserId, u.After.Rating, now))]);
    }

    /// <summary>
    /// For callers without a transaction (polling, the background service): locks the duel (or, with
    /// <paramref name="skipLocked"/>, leaves it to whoever holds it), finishes it if over, commits and publishes.
    /// </summary>
    public async Task<bool> TryFinishAsync(Guid duelId, bool skipLocked, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await DuelLocks.TryLockDuelAsync(db, duelId, skipLocked, ct))
        {
            return false;
        }
        var duel = await db.Duels.AsNoTracking().SingleAsync(d => d.Id == duelId, ct);
        var finished = await FinishIfOverAsync(duel, time.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        await PublishAsync(finished, ct);
        return finished is not null;
    }

    public async Task PublishAsync(FinishedDuel? finished, CancellationToken ct)
    {
        if (finished is not null)
        {
            await events.DuelFinishedAsync(new DuelFinished(finished.DuelId, finished.Recipients, finished.Result) { Ratings = finished.Ratings }, ct);
        }
    }

    public static DuelOutcome Decide(DuelTally tally) =>
        tally.Challenger.Correct != tally.Opponent.Correct
            ? tally.Challenger.Correct > tally.Opponent.Correct ? DuelOutcome.ChallengerWon : DuelOutcome.OpponentWon
            : tally.Challenger.TimeMs != tally.Opponent.TimeMs
                ? tally.Challenger.TimeMs < tally.Opponent.TimeMs ? DuelOutcome.ChallengerWon : DuelOutcome.OpponentWon
                : DuelOutcome.Draw;
}
