using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>
/// Pairs waiting players of the same language by rating. A queue entry is a pending duel with no opponent yet.
/// Two entries are paired when their ratings differ by at most the wider of their two windows (a window starts
/// at <see cref="DuelOptions.MatchWindowBase"/> and widens while its player waits), closest rating first; the
/// older entry becomes the duel and the newer one points at it. After <see cref="DuelOptions.BotAfter"/> with
/// nobody in range, the player gets a bot at their own rating. Pairing locks both entry rows with SKIP LOCKED,
/// so requests and replicas racing for the same players never pair anyone twice.
/// </summary>
internal sealed partial class Matchmaker(
    CodeCraftsDbContext db, MatchmakingQueue queue, DuelStarter starter, IOptions<DuelOptions> options,
    TimeProvider time, DuelEvents events, ILogger<Matchmaker> logger)
{
    /// <summary>
    /// The duel the entry's player plays in now (the entry or the one it joined), or null while they wait.
    /// <paramref name="skipLocked"/>: leave entries another transaction is pairing to it (the background service).
    /// </summary>
    public async Task<Guid?> TryMatchAsync(Guid entryId, bool skipLocked, CancellationToken ct)
    {
        var entry = await db.Duels.AsNoTracking().SingleOrDefaultAsync(d => d.Id == entryId, ct);
        if (entry is null || !DuelViews.IsMatchmakingEntry(entry))
        {
            return entry?.MatchedDuelId ?? (entry?.Status == DuelStatus.Active ? entry.Id : null);
        }

        var now = time.GetUtcNow();
        var rating = await db.Users.Where(u => u.Id == entry.ChallengerId).Select(u => u.Rating).SingleAsync(ct);
        var me = new QueuedPlayer(entry.Id, entry.ChallengerId, entry.CreatedAt, rating);
        var (candidates, source) = await FindCandidatesAsync(entry.Language, me, now, ct);
        foreach (var candidate in candidates)
        {
            if (await PairAsync(me, candidate, source, skipLocked, ct) is { } duelId)
            {
                return duelId;
            }
        }
        return now >= entry.ExpiresAt ? await MatchWithBotAsync(entry.Id, skipLocked, ct) : null;
    }

    private async Task<(IReadOnlyList<QueuedPlayer> Candidates, string Source)> FindCandidatesAsync(
        ProgrammingLanguage language, QueuedPlayer me, DateTimeOffset now, CancellationToken ct)
    {
        var settings = options.Value;
        var source = "redis";
        var found = await queue.FindAsync(language, me.Rating, settings.MatchWindowMax);
        if (found is null)
        {
            source = "postgres";
            var rows = await (
                from d in db.Duels.AsNoTracking()
                where d.Status == DuelStatus.Pending && d.OpponentKind == OpponentKind.User && d.OpponentId == null
                      && d.Language == language && d.Id != me.EntryId
                join u in db.Users on d.ChallengerId equals u.Id
                where Math.Abs(u.Rating - me.Rating) <= settings.MatchWindowMax
                select new { d.Id, d.ChallengerId, d.CreatedAt, u.Rating }).ToListAsync(ct);
            found = rows.Select(r => new QueuedPlayer(r.Id, r.ChallengerId, r.CreatedAt, r.Rating)).ToList();
        }

        var myWindow = settings.MatchWindow(now - me.Since);
        var inRange = found
            .Where(p => p.EntryId != me.EntryId && p.UserId != me.UserId
                        && Math.Abs(p.Rating - me.Rating) <= Math.Max(myWindow, settings.MatchWindow(now - p.Since)))
            .OrderBy(p => Math.Abs(p.Rating - me.Rating))
            .ThenBy(p => p.Since)
            .Take(5)
            .ToList();
        return (inRange, source);
    }

    private async Task<Guid?> PairAsync(QueuedPlayer me, QueuedPlayer other, string source, bool skipLocked, CancellationToken ct)
    {
        using var activity = DuelTelemetry.Source.StartActivity("duel.matchmaking.pair");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var locked = await DuelLocks.TryLockDuelsAsync(db, [me.EntryId, other.EntryId], skipLocked, ct);
        if (locked.Count < 2)
        {
            return null;
        }
        var entries = await db.Duels.AsNoTracking().Where(d => d.Id == me.EntryId || d.Id == other.EntryId).ToListAsync(ct);
        if (entries.Count != 2 || !entries.All(DuelViews.IsMatchmakingEntry))
        {
            // The other player left or was paired meanwhile: drop the stale index member.
            await queue.RemoveAsync(entries.FirstOrDefault(e => e.Id == other.EntryId)?.Language ?? entries[0].Language, other);
            return null;
        }

        var duel = entries.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).First();
        var joining = entries.Single(e => e.Id != duel.Id);
        var now = time.GetUtcNow();
        var start = await starter.PrepareAsync(duel.Id, duel.Language, duel.QuestionCount, (me.Rating + other.Rating) / 2, null, null, now, ct);
        if (start is null)
        {
            return null;
        }
        var activated = await db.Duels
            .Where(d => d.Id == duel.Id && d.Status == DuelStatus.Pending && d.OpponentId == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.OpponentId, joining.ChallengerId)
                .SetProperty(d => d.Status, DuelStatus.Active)
                .SetProperty(d => d.StartedAt, start.StartedAt)
                .SetProperty(d => d.Deadline, start.Deadline), ct);
        var merged = await db.Duels
            .Where(d => d.Id == joining.Id && d.Status == DuelStatus.Pending && d.OpponentId == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DuelStatus.Cancelled)
                .SetProperty(d => d.MatchedDuelId, duel.Id), ct);
        if (activated != 1 || merged != 1)
        {
            return null;
        }
        db.DuelQuestions.AddRange(start.Questions);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        await queue.RemoveAsync(duel.Language, me);
        await queue.RemoveAsync(duel.Language, other);
        activity?.SetTag("duel.id", duel.Id);
        activity?.SetTag("duel.matchmaking.source", source);
        DuelTelemetry.Matches.Add(1, new KeyValuePair<string, object?>("source", source));
        DuelTelemetry.Started.Add(1, new KeyValuePair<string, object?>("via", "matchmaking"));
        await events.DuelStartedAsync(
            new DuelStarted(duel.Id, [duel.ChallengerId, joining.ChallengerId], OpponentKind.User, start.StartedAt, start.Deadline), ct);
        return duel.Id;
    }

    /// <summary>Turns an entry that waited long enough into a duel against a bot at the player's rating.</summary>
    private async Task<Guid?> MatchWithBotAsync(Guid entryId, bool skipLocked, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await DuelLocks.TryLockDuelAsync(db, entryId, skipLocked, ct))
        {
            return null;
        }
        var entry = await db.Duels.AsNoTracking().SingleAsync(d => d.Id == entryId, ct);
        var now = time.GetUtcNow();
        if (!DuelViews.IsMatchmakingEntry(entry) || now < entry.ExpiresAt)
        {
            return entry.MatchedDuelId ?? (entry.Status == DuelStatus.Active ? entry.Id : null);
        }

        var rating = await db.Users.Where(u => u.Id == entry.ChallengerId).Select(u => u.Rating).SingleAsync(ct);
        var seed = DuelStarter.NewBotSeed();
        var start = await starter.PrepareAsync(entry.Id, entry.Language, entry.QuestionCount, rating, rating, seed, now, ct);
        if (start is null)
        {
            return null;
        }
        var rows = await db.Duels
            .Where(d => d.Id == entry.Id && d.Status == DuelStatus.Pending && d.OpponentKind == OpponentKind.User && d.OpponentId == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.OpponentKind, OpponentKind.Bot)
                .SetProperty(d => d.BotRating, rating)
                .SetProperty(d => d.BotSeed, seed)
                .SetProperty(d => d.Status, DuelStatus.Active)
                .SetProperty(d => d.StartedAt, start.StartedAt)
                .SetProperty(d => d.Deadline, start.Deadline)
                .SetProperty(d => d.NextBotAnswerAt, start.NextBotAnswerAt), ct);
        if (rows != 1)
        {
            return null;
        }
        db.DuelQuestions.AddRange(start.Questions);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        await queue.RemoveAsync(entry.Language, new QueuedPlayer(entry.Id, entry.ChallengerId, entry.CreatedAt, rating));
        DuelTelemetry.Matches.Add(1, new KeyValuePair<string, object?>("source", "bot"));
        DuelTelemetry.Started.Add(1, new KeyValuePair<string, object?>("via", "matchmaking-bot"));
        LogBotFallback(logger, entry.Id, rating);
        await events.DuelStartedAsync(
            new DuelStarted(entry.Id, [entry.ChallengerId], OpponentKind.Bot, start.StartedAt, start.Deadline), ct);
        return entry.Id;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Matchmaking entry {DuelId} found nobody in range: playing a bot rated {Rating}")]
    private static partial void LogBotFallback(ILogger logger, Guid duelId, double rating);
}
