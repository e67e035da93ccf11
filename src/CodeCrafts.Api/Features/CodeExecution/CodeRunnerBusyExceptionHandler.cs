using System.Globalization;
using CodeCrafts.CodeExecution;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CodeCrafts.Api.Features.CodeExecution;

/// <summary>
/// A full run queue from any endpoint that judges code becomes 503 with Retry-After, so callers
/// (the attempts endpoint included) need no code of their own for it.
/// </summary>
internal sealed class CodeRunnerBusyExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not CodeRunnerBusyException busy)
        {
            return false;
        }
        var seconds = Math.Max(1, (int)Math.Ceiling(busy.RetryAfter.TotalSeconds));
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The code runner is busy",
                Detail = $"Too many programs are running or waiting; try again in {seconds} s.",
            },
        });
    }
}
