using System.Security.Claims;
using CodeCrafts.Api.Common;
using CodeCrafts.CodeExecution;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.CodeExecution;

internal static class CodeExecutionApi
{
    public static async Task<Results<Ok<CodeJudgementResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RunAsync(
        RunCodeRequest request, CodeCraftsDbContext db, ICodeJudge judge, CodeRunThrottle throttle, ClaimsPrincipal principal,
        HttpContext http, CancellationToken cancellationToken)
    {
        var question = await db.Questions.AsNoTracking()
            .Include(q => q.Lesson)
            .FirstOrDefaultAsync(q => q.Id == request.QuestionId && !q.IsRetired && q.Lesson!.IsPublished, cancellationToken);
        if (question is null)
        {
            return TypedResults.NotFound();
        }
        if (question.Type != QuestionType.Code)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["questionId"] = [$"Question {question.Id} is a {question.Type} question; only code questions can be run."],
            });
        }

        var (run, refusal) = await throttle.TryStartAsync(http, principal.GetUserId(), cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        await using var _ = run;
        var judgement = await judge.RunVisibleTestsAsync(question, request.Code, cancellationToken);
        return TypedResults.Ok(CodeJudgementResponse.From(judgement));
    }
}
