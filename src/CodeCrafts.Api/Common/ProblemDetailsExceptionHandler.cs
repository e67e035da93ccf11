using System.Text.Json;
using CodeCrafts.Api.Common.InputHygiene;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace CodeCrafts.Api.Common;

/// <summary>
/// The one place failures become RFC 9457 problem details. Client mistakes that surface as
/// exceptions (bad JSON, oversized bodies) keep their 4xx; a database that is momentarily out of reach (pool exhausted
/// under a burst, connection refused) is a 503 with Retry-After, so clients retry instead of reporting a bug; anything
/// else is a 500 that says nothing internal.
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
            BadHttpRequestException { InnerException: JsonException json } bad => InvalidJson(bad.StatusCode, json, httpContext),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested =>
                new ProblemDetails { Status = 499, Title = "Client closed request" },
            _ when IsTransientDatabaseFailure(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service busy",
                Detail = "The database is momentarily out of reach; nothing was saved partially. Retry after the delay given in Retry-After.",
            },
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
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
        });
    }

    /// <summary>EF Core's retrying strategy wraps the provider's exception; look down the chain.</summary>
    private static bool IsTransientDatabaseFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }
        return false;
    }

    private static HttpValidationProblemDetails InvalidJson(int status, JsonException json, HttpContext httpContext)
    {
        // "$.dailyXpGoal" -> "dailyXpGoal"; the root ("$" or none) means the body as a whole.
        var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "$";
        // The exception handler middleware clears the endpoint before handlers run; the feature keeps the original.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        var fieldType = JsonFieldTypes.Resolve(endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType, field);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [json.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "Unknown field: the contract has no such member."
                : fieldType is { IsEnum: true } ? InputInspector.EnumRule(fieldType)
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
