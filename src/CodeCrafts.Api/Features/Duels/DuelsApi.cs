using System.Security.Claims;
using CodeCrafts.Api.Common;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CodeCrafts.Api.Features.Duels;

internal static class DuelsApi
{
    public static async Task<Results<Created<DuelView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateDuelRequest request, ClaimsPrincipal user, DuelCreation creation, CodeCraftsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var userId = user.GetUserId();
        var reply = await creation.CreateAsync(userId, request, ct);
        if (reply.Problem is { } problem)
        {
            return problem.Field is null ? problem.AsProblem() : problem.AsValidation();
        }
        var view = await DuelViews.BuildAsync(db, reply.Value!, userId, time.GetUtcNow(), ct);
        return TypedResults.Created($"/api/duels/{view.Id}", view);
    }

    public static async Task<Results<Ok<PagedResult<DuelSummary>>, ValidationProblem>> ListAsync(
        [AsParameters] PageRequest paging, string? status, ClaimsPrincipal user, DuelQueries queries, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        DuelStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<DuelStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(status[0]))
            {
                filter = parsed;
            }
            else
            {
                errors["status"] = ["Must be one of pending, active, finished, cancelled, expired."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await queries.ListAsync(user.GetUserId(), filter, paging, ct));
    }

    public static async Task<Results<Ok<DuelView>, ValidationProblem, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, DuelQueries queries, CancellationToken ct)
    {
        var reply = await queries.GetAsync(id, user.GetUserId(), ct);
        if (reply.Problem is { } problem)
        {
            return problem.Field is null ? problem.AsProblem() : problem.AsValidation();
        }
        return TypedResults.Ok(reply.Value!);
    }

    public static Task<Results<Ok<DuelView>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        Guid id, ClaimsPrincipal user, DuelAcceptance acceptance, CodeCraftsDbContext db, TimeProvider time, CancellationToken ct) =>
        ViewAsync(acceptance.AcceptAsync(id, user.GetUserId(), ct), user, db, time, ct);

    public static Task<Results<Ok<DuelView>, ValidationProblem, ProblemHttpResult>> DeclineAsync(
        Guid id, ClaimsPrincipal user, DuelAcceptance acceptance, CodeCraftsDbContext db, TimeProvider time, CancellationToken ct) =>
        ViewAsync(acceptance.DeclineAsync(id, user.GetUserId(), ct), user, db, time, ct);

    public static async Task<Results<Ok<DuelAnswerResult>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        Guid id, DuelAnswerRequest request, ClaimsPrincipal user, DuelAnswers answers, CancellationToken ct)
    {
        var reply = await answers.AnswerAsync(id, user.GetUserId(), request, ct);
        if (reply.Problem is { } problem)
        {
            return problem.Field is null ? problem.AsProblem() : problem.AsValidation();
        }
        return TypedResults.Ok(reply.Value!);
    }

    private static async Task<Results<Ok<DuelView>, ValidationProblem, ProblemHttpResult>> ViewAsync(
        Task<DuelReply<Duel>> transition, ClaimsPrincipal user, CodeCraftsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var reply = await transition;
        if (reply.Problem is { } problem)
        {
            return problem.Field is null ? problem.AsProblem() : problem.AsValidation();
        }
        return TypedResults.Ok(await DuelViews.BuildAsync(db, reply.Value!, user.GetUserId(), time.GetUtcNow(), ct));
    }
}
