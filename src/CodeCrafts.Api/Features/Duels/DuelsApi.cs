using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using CodeCrafts.Api.Common;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CodeCrafts.Api.Features.Duels;

internal static class DuelsApi
{
    public static IEndpointRouteBuilder MapDuelsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/duels").WithTags("Duels").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/", CreateAsync).WithName("CreateDuel")
            .WithSummary("Challenge a user, play a bot, or join matchmaking")
            .WithDescription("A challenge is pending until the opponent accepts, declines or it expires; a bot duel starts at once; " +
                             "matchmaking returns the queue entry (poll it) or, if paired at once, the duel.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync).WithName("ListDuels")
            .WithSummary("My duels, newest first, optionally by status")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetDuel")
            .WithSummary("A duel: players, questions (never their answers), live progress and the result")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/accept", AcceptAsync).WithName("AcceptDuel")
            .WithSummary("Accept a challenge: the duel starts now")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/decline", DeclineAsync).WithName("DeclineDuel")
            .WithSummary("Decline a challenge, withdraw your own, or leave the matchmaking queue")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/answers", AnswerAsync).WithName("AnswerDuelQuestion")
            .WithSummary("Answer one question of an active duel (once per question, before the deadline)")
            .WithDescription("Graded like a lesson attempt but awards no XP. The time taken is measured by the server.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Created<DuelView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
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

    // page and pageSize are bound here rather than with [AsParameters] PageRequest: that binder sets an omitted
    // value to 0 (ignoring the record's defaults), so a plain GET /api/duels would fail validation.
    private static async Task<Results<Ok<PagedResult<DuelSummary>>, ValidationProblem>> ListAsync(
        int? page, int? pageSize, string? status, ClaimsPrincipal user, DuelQueries queries, CancellationToken ct)
    {
        var paging = new PageRequest { Page = page ?? 1, PageSize = pageSize ?? 20 };
        var errors = new Dictionary<string, string[]>();
        var failures = new List<ValidationResult>();
        if (!Validator.TryValidateObject(paging, new ValidationContext(paging), failures, validateAllProperties: true))
        {
            foreach (var failure in failures)
            {
                errors[JsonNamingPolicy.CamelCase.ConvertName(failure.MemberNames.First())] = [failure.ErrorMessage ?? "Out of range."];
            }
        }
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

    private static async Task<Results<Ok<DuelView>, ValidationProblem, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, DuelQueries queries, CancellationToken ct)
    {
        var reply = await queries.GetAsync(id, user.GetUserId(), ct);
        if (reply.Problem is { } problem)
        {
            return problem.Field is null ? problem.AsProblem() : problem.AsValidation();
        }
        return TypedResults.Ok(reply.Value!);
    }

    private static Task<Results<Ok<DuelView>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        Guid id, ClaimsPrincipal user, DuelAcceptance acceptance, CodeCraftsDbContext db, TimeProvider time, CancellationToken ct) =>
        ViewAsync(acceptance.AcceptAsync(id, user.GetUserId(), ct), user, db, time, ct);

    private static Task<Results<Ok<DuelView>, ValidationProblem, ProblemHttpResult>> DeclineAsync(
        Guid id, ClaimsPrincipal user, DuelAcceptance acceptance, CodeCraftsDbContext db, TimeProvider time, CancellationToken ct) =>
        ViewAsync(acceptance.DeclineAsync(id, user.GetUserId(), ct), user, db, time, ct);

    private static async Task<Results<Ok<DuelAnswerResult>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
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
