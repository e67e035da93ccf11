using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>Everything a duel needs to go from waiting to running: its questions, clock and (for a bot) planned answers.</summary>
internal sealed record DuelStart(IReadOnlyList<DuelQuestion> Questions, DateTimeOffset StartedAt, DateTimeOffset Deadline, DateTimeOffset? NextBotAnswerAt);

/// <summary>
/// Picks a duel's questions and, against a bot, fixes the bot's answers. The same questions serve both sides:
/// not-retired multiple-choice and fill-in-the-blank questions of published lessons in the duel's language, the
/// nearest in difficulty rating to the players' mean rating (a random draw among the nearest three times as many,
/// so rematches differ), easiest first. Code questions wait for code execution; flashcards are left out because
/// their verdict is the learner's own self-rating, which in a contest would be a free point.
/// </summary>
internal sealed class DuelStarter(CodeCraftsDbContext db, IOptions<DuelOptions> options)
{
    public static readonly QuestionType[] DuelTypes = [QuestionType.MultipleChoice, QuestionType.FillInTheBlank];

    /// <summary>Null when the language has fewer eligible questions than the duel needs.</summary>
    public async Task<DuelStart?> PrepareAsync(
        Guid duelId, ProgrammingLanguage language, int count, double targetRating,
        double? botRating, long? botSeed, DateTimeOffset now, CancellationToken ct)
    {
        var candidates = await db.Questions
            .AsNoTracking()
            .Where(q => !q.IsRetired && q.Lesson!.IsPublished && q.Lesson.Language == language && DuelTypes.Contains(q.Type))
            .Select(q => new { q.Id, q.DifficultyRating, q.TypicalSeconds })
            .ToListAsync(ct);
        if (candidates.Count < count)
        {
            return null;
        }

        var pool = candidates.OrderBy(q => Math.Abs(q.DifficultyRating - targetRating)).ThenBy(q => q.Id).Take(count * 3).ToArray();
        Random.Shared.Shuffle(pool);
        var chosen = pool.Take(count).OrderBy(q => q.DifficultyRating).ToList();

        var plan = botRating is { } rating && botSeed is { } seed
            ? DuelBot.Plan(seed, rating, chosen.Select(q => new BotQuestion(q.DifficultyRating, q.TypicalSeconds)).ToList())
            : null;
        var questions = chosen.Select((q, i) => new DuelQuestion
        {
            DuelId = duelId,
            Position = i + 1,
            QuestionId = q.Id,
            BotCorrect = plan?[i].IsCorrect,
            BotAnswerMs = plan?[i].AnsweredAtMs,
        }).ToList();

        var deadline = now.AddSeconds(count * options.Value.SecondsPerQuestion);
        DateTimeOffset? nextBot = plan is { Count: > 0 } ? now.AddMilliseconds(plan[0].AnsweredAtMs) : null;
        return new DuelStart(questions, now, deadline, nextBot);
    }

    /// <summary>A fresh seed for a bot's answers, stored on the duel so it can be replayed.</summary>
    public static long NewBotSeed() => Random.Shared.NextInt64();
}
