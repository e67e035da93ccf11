using CodeCrafts.Api.Common;
using CodeCrafts.Api.Common.Limits;
using CodeCrafts.CodeExecution;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CodeCrafts.Api.Features.CodeExecution;

/// <summary>Code execution in the Api: the runner and judge, their readiness check, and 503 for a full queue or a missing runner.</summary>
internal static class CodeExecutionSetup
{
    public static WebApplicationBuilder AddCodeExecution(this WebApplicationBuilder builder)
    {
        builder.Services.AddCodeExecution(builder.Configuration);
        builder.Services.AddSingleton<CodeRunThrottle>();
        builder.Services.AddHealthChecks().AddCheck<CodeRunnerHealthCheck>(CodeRunnerHealthCheck.Name, HealthStatus.Degraded, tags: ["ready"]);
        // Exception handlers are tried in registration order and the general one takes everything,
        // so this one goes first whatever order Program.cs adds the features in.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IExceptionHandler, CodeRunnerExceptionHandler>());
        return builder;
    }

    public static IEndpointRouteBuilder MapCodeExecutionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/code").WithTags("Code execution").RequireAuthorization();

        group.MapPost("/run", CodeExecutionApi.RunAsync)
            .WithName("RunCode")
            .WithSummary("Run code against a question's visible tests")
            .WithDescription("A trial run: earns no XP and records nothing. Hidden tests run only when the answer is submitted as an attempt.")
            .WithRequestBodyLimit(RequestBodyLimit.Code)
            .DescribesLimit(CodeRunThrottle.Describe)
            .Produces<CodeJudgementResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}
