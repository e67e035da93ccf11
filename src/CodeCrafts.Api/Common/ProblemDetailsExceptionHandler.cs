using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CodeCrafts.Api.Common;

/// <summary>
/// The one place failures become RFC 9457 problem details. Client mistakes that surface as
/// exceptions (bad JSON, oversized bodies) keep their 4xx; anything else is a 500 that says nothing internal.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            // A body that is not JSON, has a field the contract does not know, or a value of the wrong type:
            // name the field (from the reader's JSON path) like a validation error, without echoing the value.
            BadHttpRequestException { InnerException: JsonException json } bad => InvalidJson(bad.StatusCode, json),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested =>
                new ProblemDetails { Status = 499, Title = "Client closed request" },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred",
                Detail = "The error was logged; please try again later.",
            },
        };

        if (problem.Status >= 500)
        {
            LogUnhandled(logger, exception);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
        });
    }

    private static HttpValidationProblemDetails InvalidJson(int status, JsonException json)
    {
        // "$.dailyXpGoal" -> "dailyXpGoal"; the root ("$" or none) means the body as a whole.
        var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "$";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [json.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "Unknown field: the contract has no such member."
                : "Malformed JSON, or a value of the wrong type for this field."],
        })
        {
            Status = status,
            Title = "The request body is not valid JSON for this endpoint",
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}
