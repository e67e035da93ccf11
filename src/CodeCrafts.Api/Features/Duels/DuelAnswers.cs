using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Questions;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>
/// Takes a player's answer to one duel question. The duel's row is locked for the whole transaction, so the two
/// players' answers are applied one after the other: the second of two simultaneous last answers sees the first,
/// and exactly one of them finishes the duel. The time taken is measured by the server, from the start or the
/// player's previous answer. Duel answers are graded like lesson attempts and stored as attempts with the duel's
/// id, but award no XP and touch no streak: duels are play, not study.
/// </summary>
internal sealed class DuelAnswers(
    CodeCraftsDbContext db, DuelFinisher finisher, QuestionRatingWriter questionRatings, TimeProvider time, DuelEvents events)
{
    public async Task<DuelReply<DuelAnswerResult>> AnswerAsync(Guid duelId, Guid userId, DuelAnswerRequest request, CancellationToken ct)
    {
        using var activity = DuelTelemetry.Source.StartActivity("duel.answer");
        activity?.SetTag("duel.id", duelId);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await DuelLocks.LockDuelAsync(db, duelId, ct);
        var found = await DuelAccess.FindPlayedByAsync(db, duelId, userId, ct);
        if (found.Problem is { } problem)
        {
            return problem;
        }
        var duel = found.Value!;
        var now = time.GetUtcNow();
        if (duel.Status != DuelStatus.Active)
        {
            // A late answer hears "Deadline passed" whether the sweeper or this request closed the duel.
            return duel.Status == DuelStatus.Pending ? DuelProblem.Conflict("Duel not started", "The duel has not started yet.")
                : duel.Status == DuelStatus.Finished && now >= duel.Deadline ? DeadlinePassed(duel)
                : DuelProblem.Conflict("Duel over", $"The duel is {duel.Status.ToString().ToLowerInvariant()}; it takes no more answers.");
        }
        if (now >= duel.Deadline)
        {
            // Too late to answer, and the duel is over: close it while the lock is held.
            var closed = await finisher.FinishIfOverAsync(duel, now, ct);
            await transaction.CommitAsync(ct);
            await finisher.PublishAsync(closed, ct);
            return DeadlinePassed(duel);
        }
        if (request.Position > duel.QuestionCount)
        {
            return DuelProblem.Invalid("position", $"Must be between 1 and {duel.QuestionCount}.");
        }

        var slot = await db.DuelQuestions.AsNoTracking().Include(q => q.Question)
            .SingleAsync(q => q.DuelId == duelId && q.Position == request.Position, ct);
        var mine = await db.QuestionAttempts.AsNoTracking()
            .Where(a => a.DuelId == duelId && a.UserId == userId)
            .Select(a => new { a.QuestionId, a.CreatedAt })
            .ToListAsync(ct);
        if (mine.Any(a => a.QuestionId == slot.QuestionId))
        {
            return DuelProblem.Conflict("Already answered", $"You already answered question {request.Position} of this duel.");
        }

        var question = slot.Question!;
        var grading = AnswerGrader.Grade(question, request.Answer!);
        if (grading.Result is not { } verdict)
        {
            var (field, messages) = grading.Errors!.First();
            return DuelProblem.Invalid($"answer.{field}", messages[0]);
        }

        var since = mine.Count > 0 ? mine.Max(a => a.CreatedAt) : duel.StartedAt!.Value;
        var timeTakenMs = (int)Math.Max(0, (now - since).TotalMilliseconds);
        var attempt = new QuestionAttempt
        {
            UserId = userId,
            QuestionId = question.Id,
            DuelId = duelId,
            IdempotencyKey = $"duel:{duelId:N}:{request.Position}",
            AnswerJson = StoredAnswers.Serialize(request.Answer!),
            IsCorrect = verdict.IsCorrect,
            TimeTakenMs = timeTakenMs,
            XpAwarded = 0,
            CreatedAt = now,
            RatingPending = true,
        };
        db.QuestionAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return DuelProblem.Conflict("Already answered", $"You already answered question {request.Position} of this duel.");
        }

        var answered = mine.Count + 1;
        var finished = answered == duel.QuestionCount ? await finisher.FinishIfOverAsync(duel, now, ct) : null;
        await transaction.CommitAsync(ct);

        // After the commit and off the request path: a popular question's row is never held for a whole answer.
        questionRatings.Enqueue(attempt.Id);
        DuelTelemetry.Answers.Add(1, new KeyValuePair<string, object?>("correct", verdict.IsCorrect));
        if (duel.OpponentKind == OpponentKind.User && (userId == duel.ChallengerId ? duel.OpponentId : duel.ChallengerId) is { } other)
        {
            await events.OpponentAnsweredAsync(new OpponentAnswered(duelId, other, request.Position, answered), ct);
        }
        await finisher.PublishAsync(finished, ct);

        return new DuelAnswerResult(
            duelId, request.Position, verdict.IsCorrect, timeTakenMs, answered, duel.QuestionCount,
            finished is null ? DuelStatus.Active : DuelStatus.Finished, finished?.Result);
    }

    private static DuelProblem DeadlinePassed(Duel duel) =>
        DuelProblem.Conflict("Deadline passed", $"The duel's deadline was {duel.Deadline:O}; unanswered questions count as wrong.");
}
