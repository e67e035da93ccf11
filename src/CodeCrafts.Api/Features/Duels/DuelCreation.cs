using CodeCrafts.Api.Common;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>
/// Starts duels: against a bot (active at once), a challenge to another user (pending until accepted, declined
/// or expired), or an entry in the matchmaking queue (pending until paired or given a bot).
/// </summary>
internal sealed class DuelCreation(
    CodeCraftsDbContext db, DuelStarter starter, Matchmaker matchmaker, MatchmakingQueue queue, IOptions<DuelOptions> options,
    TimeProvider time, DuelEvents events)
{
    public async Task<DuelReply<Duel>> CreateAsync(Guid userId, CreateDuelRequest request, CancellationToken ct)
    {
        var opponent = request.Opponent?.Trim() ?? "";
        var language = request.Language!.Value;
        var isBot = string.Equals(opponent, CreateDuelRequest.Bot, StringComparison.OrdinalIgnoreCase);
        if (!isBot && (request.BotLevel is not null || request.BotRating is not null))
        {
            return DuelProblem.Invalid(request.BotLevel is not null ? "botLevel" : "botRating", "Only a duel against a bot takes a bot level or rating.");
        }

        using var activity = DuelTelemetry.Source.StartActivity("duel.create");
        if (isBot)
        {
            if (request.BotLevel is not null && request.BotRating is not null)
            {
                return DuelProblem.Invalid("botRating", "Give botLevel or botRating, not both.");
            }
            return await AgainstBotAsync(userId, language, request.QuestionCount, request.BotRating, request.BotLevel, ct);
        }
        if (string.Equals(opponent, CreateDuelRequest.Matchmaking, StringComparison.OrdinalIgnoreCase))
        {
            return await JoinQueueAsync(userId, language, request.QuestionCount, ct);
        }
        if (!Guid.TryParse(opponent, out var opponentId))
        {
            return DuelProblem.Invalid("opponent", "Must be a user id, \"bot\" or \"matchmaking\".");
        }
        return await ChallengeAsync(userId, opponentId, language, request.QuestionCount, ct);
    }

    private async Task<DuelReply<Duel>> AgainstBotAsync(Guid userId, ProgrammingLanguage language, int count, double? botRating, int? botLevel, CancellationToken ct)
    {
        var playerRating = await db.Users.Where(u => u.Id == userId).Select(u => u.Rating).SingleAsync(ct);
        // Fair play: a strong bot is worth a large rating gain, so its strength stays within reach of the player's own.
        var band = options.Value.BotRatingBand;
        var (lowest, highest) = (Math.Round(playerRating - band), Math.Round(playerRating + band));
        if (botRating is { } asked && (asked < lowest || asked > highest))
        {
            return DuelProblem.Invalid("botRating",
                $"botRating must be within {band:0} of your rating {playerRating:0}: between {lowest:0} and {highest:0}.");
        }
        var rating = botRating ?? (botLevel is { } level ? Math.Clamp(QuestionDifficulty.InitialRating(level), lowest, highest) : playerRating);
        var now = time.GetUtcNow();
        var duel = new Duel
        {
            ChallengerId = userId,
            OpponentKind = OpponentKind.Bot,
            BotRating = rating,
            BotSeed = DuelStarter.NewBotSeed(),
            Status = DuelStatus.Active,
            Language = language,
            QuestionCount = count,
            CreatedAt = now,
        };
        var start = await starter.PrepareAsync(duel.Id, language, count, (rating + playerRating) / 2, rating, duel.BotSeed, now, ct);
        if (start is null)
        {
            return NotEnoughQuestions(language, count);
        }
        duel.StartedAt = start.StartedAt;
        duel.Deadline = start.Deadline;
        duel.NextBotAnswerAt = start.NextBotAnswerAt;
        duel.Questions.AddRange(start.Questions);
        db.Duels.Add(duel);
        await db.SaveChangesAsync(ct);

        DuelTelemetry.Created.Add(1, new KeyValuePair<string, object?>("opponent", "bot"));
        DuelTelemetry.Started.Add(1, new KeyValuePair<string, object?>("via", "bot"));
        await events.DuelStartedAsync(new DuelStarted(duel.Id, [userId], OpponentKind.Bot, start.StartedAt, start.Deadline), ct);
        return duel;
    }

    private async Task<DuelReply<Duel>> ChallengeAsync(Guid userId, Guid opponentId, ProgrammingLanguage language, int count, CancellationToken ct)
    {
        if (opponentId == userId)
        {
            return DuelProblem.Invalid("opponent", "You cannot challenge yourself.");
        }
        if (!await db.Users.AnyAsync(u => u.Id == opponentId, ct))
        {
            return DuelProblem.Invalid("opponent", "There is no user with this id.");
        }
        var now = time.GetUtcNow();
        var duel = new Duel
        {
            ChallengerId = userId,
            OpponentId = opponentId,
            OpponentKind = OpponentKind.User,
            Status = DuelStatus.Pending,
            Language = language,
            QuestionCount = count,
            CreatedAt = now,
            ExpiresAt = now + options.Value.ChallengeExpiry,
        };
        db.Duels.Add(duel);
        await db.SaveChangesAsync(ct);

        DuelTelemetry.Created.Add(1, new KeyValuePair<string, object?>("opponent", "user"));
        await events.ChallengeReceivedAsync(new ChallengeReceived(duel.Id, userId, opponentId, language, duel.ExpiresAt.Value), ct);
        return duel;
    }

    private async Task<DuelReply<Duel>> JoinQueueAsync(Guid userId, ProgrammingLanguage language, int count, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var entry = new Duel
        {
            ChallengerId = userId,
            OpponentKind = OpponentKind.User,
            Status = DuelStatus.Pending,
            Language = language,
            QuestionCount = count,
            CreatedAt = now,
            ExpiresAt = now + options.Value.BotAfter,
        };
        db.Duels.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            var waiting = await db.Duels.AsNoTracking()
                .Where(d => d.ChallengerId == userId && d.Status == DuelStatus.Pending && d.OpponentKind == OpponentKind.User && d.OpponentId == null)
                .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
            return DuelProblem.Conflict("Already in the queue", "You are already waiting for an opponent; decline that entry to leave the queue.")
                with { Extensions = new Dictionary<string, object?> { ["duelId"] = waiting } };
        }

        var rating = await db.Users.Where(u => u.Id == userId).Select(u => u.Rating).SingleAsync(ct);
        await queue.AddAsync(language, new QueuedPlayer(entry.Id, userId, now, rating));
        DuelTelemetry.Created.Add(1, new KeyValuePair<string, object?>("opponent", "matchmaking"));

        var duelId = await matchmaker.TryMatchAsync(entry.Id, skipLocked: false, ct) ?? entry.Id;
        return await db.Duels.AsNoTracking().SingleAsync(d => d.Id == duelId, ct);
    }

    private static DuelProblem NotEnoughQuestions(ProgrammingLanguage language, int count) =>
        DuelProblem.Conflict("Not enough questions", $"There are fewer than {count} duel questions in {language}; try fewer questions.");
}
