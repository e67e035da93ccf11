using System.Security.Claims;
using CodeCrafts.Api.Common;
using CodeCrafts.Api.Common.Limits;
using CodeCrafts.Api.Features.CodeExecution;
using CodeCrafts.Api.Features.Lessons;
using CodeCrafts.CodeExecution;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Questions;

internal static class QuestionsApi
{
    public static async Task<Results<Ok<AttemptResult>, ValidationProblem, ProblemHttpResult>> SubmitAttempt(
        Guid id, AttemptRequest request, ClaimsPrincipal principal, HttpContext http,
        LessonCatalog catalog, AttemptRecorder recorder, ICodeJudge judge, CodeRunThrottle codeRuns, CancellationToken cancellationToken)
    {
        if (!(await catalog.GetAsync()).QuestionsById.TryGetValue(id, out var question))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Question not found",
                detail: $"There is no question with id {id} in a published lesson.");
        }
        CodeJudgementResponse? code = null;
        GradeResult grade;
        if (question.Entity.Type == QuestionType.Code)
        {
            if (CodeAnswers.Validate(request.Answer!) is { } invalid)
            {
                return TypedResults.ValidationProblem(invalid);
            }
            // A run costs seconds of sandbox time: a retry is answered from the first result, not run again.
            if (await recorder.TryReplayAsync(principal.GetUserId(), id, request.IdempotencyKey!, cancellationToken) is { } replay)
            {
                return Reply(replay, http);
            }
            var (run, refusal) = await codeRuns.TryStartAsync(http, principal.GetUserId(), cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }
            await using (run)
            {
                (grade, code) = await CodeAnswers.JudgeAsync(judge, question, request.Answer!.Code!, cancellationToken);
            }
        }
        else
        {
            var grading = AnswerGrader.Grade(question.Entity, request.Answer!);
            if (grading.Result is not { } graded)
            {
                return TypedResults.ValidationProblem(grading.Errors!.ToDictionary(e => "answer." + e.Key, e => e.Value));
            }
            grade = graded;
        }

        var outcome = await recorder.RecordAsync(new AnswerInput(principal.GetUserId(), question, request.Answer!, grade,
            request.TimeTakenMs!.Value, request.IdempotencyKey!, code), cancellationToken);
        return Reply(outcome, http);
    }

    private static Results<Ok<AttemptResult>, ValidationProblem, ProblemHttpResult> Reply(AttemptOutcome outcome, HttpContext http)
    {
        switch (outcome.Status)
        {
            case AttemptStatus.Recorded:
                return TypedResults.Ok(outcome.Result!);
            case AttemptStatus.Replayed:
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return TypedResults.Ok(outcome.Result!);
            case AttemptStatus.PartOfActiveDuel:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Question is part of your active duel",
                    detail: "This question is in a duel you are playing; answer it in the duel. Practice on it opens again when the duel has finished.",
                    extensions: new Dictionary<string, object?> { ["rule"] = "question-in-active-duel" });
            case AttemptStatus.TooManyAnswers:
                var limit = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.AttemptsPerLearner;
                return Throttles.TooManyRequests(http, AttemptLimits.PerLearner, AttemptLimits.Rule(limit), outcome.RetryAfter);
            case AttemptStatus.KeyUsedForAnotherQuestion:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Idempotency key already used",
                    detail: "This idempotencyKey was used for another answer; send a new key for each answer.");
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "User not found",
                    detail: "The account of this access token no longer exists.");
        }
    }

    public static async Task<Ok<PagedResult<AttemptHistoryItem>>> ListAttempts(
        [AsParameters] PageRequest page, ClaimsPrincipal principal, CodeCraftsDbContext db, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var attempts = db.QuestionAttempts.AsNoTracking().Where(a => a.UserId == userId);
        var total = await attempts.LongCountAsync(cancellationToken);
        var rows = await attempts
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(a => new
            {
                a.Id, a.QuestionId, a.Question!.LessonId, a.Question.Type, a.Question.Prompt, a.AnswerJson,
                a.IsCorrect, a.XpAwarded, a.TimeTakenMs, a.CreatedAt, a.DuelId,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(a => new AttemptHistoryItem(
            a.Id, a.QuestionId, a.LessonId, a.Type, a.Prompt, StoredAnswers.TryRead(a.AnswerJson),
            a.IsCorrect, a.XpAwarded, a.TimeTakenMs, a.CreatedAt, a.DuelId)).ToList();
        return TypedResults.Ok(new PagedResult<AttemptHistoryItem>(items, page.Page, page.PageSize, total));
    }
}
