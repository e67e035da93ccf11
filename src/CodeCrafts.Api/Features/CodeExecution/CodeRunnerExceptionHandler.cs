using System.Globalization;
using CodeCrafts.CodeExecution;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CodeCrafts.Api.Features.CodeExecution;

/// <summary>
/// A runner that cannot take the program, from any endpoint that judges code, becomes 503 problem details,
/// so callers (the attempts endpoint included) need no code of their own for it: a full queue with
/// Retry-After, a machine without a runner with what to install.
/// </summary>
internal sealed class CodeRunnerExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            CodeRunnerBusyException busy => Busy(httpContext, busy),
            CodeRunnerUnavailableException unavailable => new ProblemDetails
            {
                Title = "No code runner is available",
                Detail = unavailable.Message,
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        problem.Status = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
        });
    }

    private static ProblemDetails Busy(HttpContext httpContext, CodeRunnerBusyException busy)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(busy.RetryAfter.TotalSeconds));
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new ProblemDetails
        {
            Title = "The code runner is busy",
            Detail = $"Too many programs are running or waiting; try again in {seconds} s.",
        };
    }
}
