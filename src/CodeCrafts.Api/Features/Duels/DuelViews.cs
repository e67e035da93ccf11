using CodeCrafts.Data;
using CodeCrafts.Data.Content;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>
/// Builds what a player sees of a duel. Questions appear once the duel has started and never carry answer keys;
/// the bot's answers appear only as the duel's clock passes them, so polling cannot reveal them early.
/// </summary>
internal static class DuelViews
{
    public static async Task<DuelView> BuildAsync(CodeCraftsDbContext db, Duel duel, Guid viewerId, DateTimeOffset now, CancellationToken ct)
    {
        var userIds = new[] { duel.ChallengerId, duel.OpponentId ?? Guid.Empty };
        var users = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Rating })
            .ToDictionaryAsync(u => u.Id, ct);

        var started = duel.Status is DuelStatus.Active or DuelStatus.Finished && duel.StartedAt is not null;
        var questions = started
            ? await db.DuelQuestions.AsNoTracking().Include(q => q.Question).Where(q => q.DuelId == duel.Id).OrderBy(q => q.Position).ToListAsync(ct)
            : [];
        var attempts = started
            ? await db.QuestionAttempts.AsNoTracking().Where(a => a.DuelId == duel.Id)
                .Select(a => new { a.UserId, a.QuestionId, a.IsCorrect, a.TimeTakenMs }).ToListAsync(ct)
            : [];

        DuelAnswerMark? HumanMark(Guid? userId, Guid questionId) =>
            attempts.FirstOrDefault(a => a.UserId == userId && a.QuestionId == questionId) is { } a ? new DuelAnswerMark(a.IsCorrect, a.TimeTakenMs) : null;

        // The bot answers in order, so the answers that have happened are a prefix of the positions.
        var botMarks = new Dictionary<int, DuelAnswerMark>();
        if (duel.OpponentKind == OpponentKind.Bot && started)
        {
            var clock = duel.Status == DuelStatus.Finished ? duel.FinishedAt ?? now : now;
            var visibleUntilMs = BotClockMs(duel, clock);
            var previous = 0;
            foreach (var q in questions.Where(q => q.BotAnswerMs is { } at && at <= visibleUntilMs))
            {
                botMarks[q.Position] = new DuelAnswerMark(q.BotCorrect ?? false, q.BotAnswerMs!.Value - previous);
                previous = q.BotAnswerMs.Value;
            }
        }

        var viewerIsChallenger = viewerId == duel.ChallengerId;
        DuelAnswerMark? OpponentSideMark(DuelQuestion q) => duel.OpponentKind == OpponentKind.Bot
            ? botMarks.GetValueOrDefault(q.Position)
            : HumanMark(duel.OpponentId, q.QuestionId);

        var questionViews = questions.Select(q =>
        {
            var options = q.Question!.OptionsJson is { } json ? ContentJson.Deserialize<QuestionOptions>(json) : null;
            var challengerMark = HumanMark(duel.ChallengerId, q.QuestionId);
            var opponentMark = OpponentSideMark(q);
            return new DuelQuestionView(
                q.Position, q.QuestionId, q.Question.Type, q.Question.Prompt, options?.Choices, options?.MultipleAnswers ?? false,
                options?.BlankCount, q.Question.TypicalSeconds,
                viewerIsChallenger ? challengerMark : opponentMark,
                viewerIsChallenger ? opponentMark : challengerMark);
        }).ToList();

        DuelPlayerView Human(Guid id) => new(
            OpponentKind.User, id, users.TryGetValue(id, out var u) ? u.DisplayName : "", users.TryGetValue(id, out var r) ? r.Rating : 0,
            attempts.Count(a => a.UserId == id), attempts.Count(a => a.UserId == id && a.IsCorrect));

        DuelPlayerView? opponent = duel.OpponentKind == OpponentKind.Bot
            ? new DuelPlayerView(OpponentKind.Bot, null, $"Bot ({duel.BotRating:0})", duel.BotRating ?? 0, botMarks.Count, botMarks.Values.Count(m => m.IsCorrect))
            : duel.OpponentId is { } opponentId ? Human(opponentId) : null;

        return new DuelView(
            duel.Id, duel.Status, duel.Language, duel.QuestionCount,
            Human(duel.ChallengerId), opponent, duel.CreatedAt, duel.ExpiresAt, duel.StartedAt, duel.Deadline, duel.FinishedAt,
            questionViews, Result(duel));
    }

    /// <summary>How far the bot's clock has run: milliseconds since the start, never beyond the deadline.</summary>
    public static double BotClockMs(Duel duel, DateTimeOffset now)
    {
        var start = duel.StartedAt ?? now;
        var deadline = duel.Deadline ?? now;
        return ((now < deadline ? now : deadline) - start).TotalMilliseconds;
    }

    public static bool IsMatchmakingEntry(Duel duel) =>
        duel.Status == DuelStatus.Pending && duel.OpponentKind == OpponentKind.User && duel.OpponentId is null;

    public static DuelResultView? Result(Duel duel) => duel is { Status: DuelStatus.Finished, Outcome: { } outcome, FinishedAt: { } finishedAt }
        ? new DuelResultView(
            outcome, duel.WinnerId, finishedAt,
            new DuelSideResult(duel.ChallengerScore, duel.ChallengerTimeMs, duel.ChallengerRatingChange),
            new DuelSideResult(duel.OpponentScore, duel.OpponentTimeMs, duel.OpponentRatingChange))
        : null;

    public static DuelSummary Summary(Duel d) =>
        new(d.Id, d.Status, d.Language, d.QuestionCount, d.OpponentKind, d.ChallengerId, d.OpponentId, d.CreatedAt, d.FinishedAt, d.Outcome, d.WinnerId);
}
