using System.Diagnostics;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>What one sweep did.</summary>
internal sealed record SweepReport(int Expired, int Matched, int BotAnswersAnnounced, int Finished);

/// <summary>
/// One pass of the duel housekeeping that every Api replica runs: expire stale challenges, pair or bot-match
/// waiting players, announce bot answers whose time came, and finish duels that are over. Every step is a
/// conditional update or a SKIP LOCKED claim, so replicas sweeping at the same moment share the work and
/// never do any of it twice. The polls run outside any trace (their database spans are dropped), and a
/// <c>duel.sweep</c> trace starts only once a sweep finds work, so an idle service leaves the traces page empty.
/// </summary>
internal sealed class DuelSweeper(
    CodeCraftsDbContext db, Matchmaker matchmaker, MatchmakingQueue queue, DuelFinisher finisher,
    TimeProvider time, DuelEvents events)
{
    private const int Batch = 100;

    public async Task<SweepReport> RunOnceAsync(CancellationToken ct)
    {
        using var trace = new SweepTrace();
        var now = time.GetUtcNow();

        var expired = await db.Duels
            .Where(d => d.Status == DuelStatus.Pending && d.OpponentId != null && d.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DuelStatus.Expired), ct);
        if (expired > 0)
        {
            trace.Enter()?.SetTag("codecrafts.duels.expired", expired);
            DuelTelemetry.Closed.Add(expired, new KeyValuePair<string, object?>("status", "expired"));
        }

        var matched = await MatchWaitingAsync(trace, ct);
        var announced = await AnnounceBotAnswersAsync(trace, now, ct);

        var over = await db.Duels.AsNoTracking()
            .Where(d => d.Status == DuelStatus.Active
                        && (d.Deadline <= now
                            || (d.OpponentKind == OpponentKind.Bot && d.NextBotAnswerAt == null
                                && db.QuestionAttempts.Count(a => a.DuelId == d.Id) >= d.QuestionCount)))
            .OrderBy(d => d.Deadline)
            .Select(d => d.Id)
            .Take(Batch)
            .ToListAsync(ct);
        if (over.Count > 0)
        {
            trace.Enter();
        }
        var finished = 0;
        foreach (var id in over)
        {
            finished += await finisher.TryFinishAsync(id, skipLocked: true, ct) ? 1 : 0;
        }
        return new SweepReport(expired, matched, announced, finished);
    }

    private async Task<int> MatchWaitingAsync(SweepTrace trace, CancellationToken ct)
    {
        var waiting = await db.Duels.AsNoTracking()
            .Where(d => d.Status == DuelStatus.Pending && d.OpponentKind == OpponentKind.User && d.OpponentId == null)
            .OrderBy(d => d.CreatedAt)
            .Take(Batch)
            .Join(db.Users, d => d.ChallengerId, u => u.Id, (d, u) => new { d.Id, d.Language, d.ChallengerId, d.CreatedAt, u.Rating })
            .ToListAsync(ct);
        if (waiting.Count > 0)
        {
            trace.Enter();
        }

        // Entries written while Redis was away are not in its index yet; members whose entries were
        // closed elsewhere are dropped. Skipped when Redis is away.
        foreach (var language in Enum.GetValues<ProgrammingLanguage>())
        {
            if (await queue.AllAsync(language) is not { } indexed)
            {
                break;
            }
            var pending = waiting.Where(w => w.Language == language).Select(w => new QueuedPlayer(w.Id, w.ChallengerId, w.CreatedAt, w.Rating)).ToList();
            foreach (var missing in pending.Where(p => indexed.All(i => i.EntryId != p.EntryId)))
            {
                await queue.AddAsync(language, missing);
            }
            if (waiting.Count < Batch)
            {
                foreach (var stale in indexed.Where(i => pending.All(p => p.EntryId != i.EntryId)))
                {
                    await queue.RemoveAsync(language, stale);
                }
            }
        }

        var matched = 0;
        foreach (var entry in waiting)
        {
            matched += await matchmaker.TryMatchAsync(entry.Id, skipLocked: true, ct) is not null ? 1 : 0;
        }
        return matched;
    }

    /// <summary>
    /// Publishes the bot's answers whose time has come. The cursor <see cref="Duel.NextBotAnswerAt"/> is moved by a
    /// conditional update, and only the replica whose update succeeded publishes, so each answer is announced once.
    /// </summary>
    private async Task<int> AnnounceBotAnswersAsync(SweepTrace trace, DateTimeOffset now, CancellationToken ct)
    {
        var due = await db.Duels.AsNoTracking()
            .Where(d => d.Status == DuelStatus.Active && d.NextBotAnswerAt <= now)
            .OrderBy(d => d.NextBotAnswerAt)
            .Take(Batch)
            .ToListAsync(ct);
        if (due.Count > 0)
        {
            trace.Enter();
        }
        var announced = 0;
        foreach (var duel in due)
        {
            var plan = await db.DuelQuestions.AsNoTracking()
                .Where(q => q.DuelId == duel.Id && q.BotAnswerMs != null)
                .OrderBy(q => q.Position)
                .Select(q => new { q.Position, q.BotCorrect, q.BotAnswerMs })
                .ToListAsync(ct);
            var start = duel.StartedAt!.Value;
            var clockMs = DuelViews.BotClockMs(duel, now);
            var fresh = plan.Where(p => start.AddMilliseconds(p.BotAnswerMs!.Value) >= duel.NextBotAnswerAt && p.BotAnswerMs <= clockMs).ToList();
            var upcoming = plan.FirstOrDefault(p => p.BotAnswerMs > clockMs);
            DateTimeOffset? next = upcoming is null ? null : start.AddMilliseconds(upcoming.BotAnswerMs!.Value);

            var previous = duel.NextBotAnswerAt;
            var claimed = await db.Duels
                .Where(d => d.Id == duel.Id && d.Status == DuelStatus.Active && d.NextBotAnswerAt == previous)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextBotAnswerAt, next), ct);
            if (claimed != 1)
            {
                continue;
            }
            foreach (var answer in fresh)
            {
                var at = start.AddMilliseconds(answer.BotAnswerMs!.Value);
                await events.BotAnsweredAsync(new BotAnswered(duel.Id, duel.ChallengerId, answer.Position, answer.BotCorrect ?? false, at), ct);
                announced++;
            }
        }
        return announced;
    }
}

/// <summary>
/// The sweep's trace, started by the first step that finds work. Each step enters it again, because an
/// <see cref="Activity.Current"/> set inside one awaited method does not flow back to its caller.
/// </summary>
internal sealed class SweepTrace : IDisposable
{
    private Activity? _activity;

    public Activity? Enter()
    {
        _activity ??= DuelTelemetry.Source.StartActivity("duel.sweep", ActivityKind.Internal, parentContext: default);
        if (_activity is not null)
        {
            Activity.Current = _activity;
        }
        return _activity;
    }

    public void Dispose() => _activity?.Dispose();
}
