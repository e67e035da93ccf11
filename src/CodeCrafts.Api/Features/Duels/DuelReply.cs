using Microsoft.AspNetCore.Http.HttpResults;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>Why a duel request cannot be done: a 4xx with a title a person understands, or a field-level validation error.</summary>
internal sealed record DuelProblem(int Status, string Title, string Detail, string? Field = null, IDictionary<string, object?>? Extensions = null)
{
    public static DuelProblem NotFound(Guid id) => new(StatusCodes.Status404NotFound, "Duel not found", $"There is no duel {id}.");

    public static DuelProblem NotYours() =>
        new(StatusCodes.Status403Forbidden, "Not your duel", "You are not a player in this duel.");

    public static DuelProblem Invalid(string field, string message) => new(StatusCodes.Status400BadRequest, "Invalid request", message, field);

    public static DuelProblem Conflict(string title, string detail) => new(StatusCodes.Status409Conflict, title, detail);

    public ValidationProblem AsValidation() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [Field ?? ""] = [Detail] }, title: Title);

    public ProblemHttpResult AsProblem() => TypedResults.Problem(Detail, statusCode: Status, title: Title, extensions: Extensions);
}

/// <summary>Either the value or the problem.</summary>
internal readonly record struct DuelReply<T>(T? Value, DuelProblem? Problem)
    where T : class
{
    public static implicit operator DuelReply<T>(T value) => new(value, null);

    public static implicit operator DuelReply<T>(DuelProblem problem) => new(null, problem);
}
