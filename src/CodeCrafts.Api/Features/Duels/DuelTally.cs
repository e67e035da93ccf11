using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>One side's standing: answers given, correct ones, and the time charged for the tie-break.</summary>
internal sealed record SideTally(int Answered, int Correct, int TimeMs, bool Done);

/// <summary>Both sides' standing at a moment of the duel's clock.</summary>
internal sealed record DuelTally(SideTally Challenger, SideTally Opponent)
{
    public bool BothDone => Challenger.Done && Opponent.Done;

    /// <summary>
    /// Reads the answers. A side's time is the sum of its answer times (the moment of its last answer) when it
    /// answered everything; a side that left questions unanswered is charged the whole duel. The bot's planned
    /// answers count only once the clock (never beyond the deadline) has passed them.
    /// </summary>
    public static async Task<DuelTally> ComputeAsync(CodeCraftsDbContext db, Duel duel, DateTimeOffset now, CancellationToken ct)
    {
        var fullMs = (int)((duel.Deadline ?? now) - (duel.StartedAt ?? now)).TotalMilliseconds;

        var attempts = await db.QuestionAttempts
            .Where(a => a.DuelId == duel.Id)
            .Select(a => new { a.UserId, a.IsCorrect, a.TimeTakenMs })
            .ToListAsync(ct);

        SideTally Human(Guid? userId)
        {
            var mine = attempts.Where(a => a.UserId == userId).ToList();
            var done = mine.Count >= duel.QuestionCount;
            return new SideTally(mine.Count, mine.Count(a => a.IsCorrect), done ? mine.Sum(a => a.TimeTakenMs) : fullMs, done);
        }

        var challenger = Human(duel.ChallengerId);
        if (duel.OpponentKind == OpponentKind.User)
        {
            return new DuelTally(challenger, Human(duel.OpponentId));
        }

        var plan = await db.DuelQuestions
            .Where(q => q.DuelId == duel.Id)
            .Select(q => new { q.BotCorrect, q.BotAnswerMs })
            .ToListAsync(ct);
        var clockMs = DuelViews.BotClockMs(duel, now);
        var visible = plan.Where(p => p.BotAnswerMs <= clockMs).Select(p => (Correct: p.BotCorrect ?? false, AtMs: p.BotAnswerMs!.Value)).ToList();
        var botDone = visible.Count >= duel.QuestionCount;
        var bot = new SideTally(visible.Count, visible.Count(v => v.Correct), botDone ? visible.Max(v => v.AtMs) : fullMs, botDone);
        return new DuelTally(challenger, bot);
    }
}
