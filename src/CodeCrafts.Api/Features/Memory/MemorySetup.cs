using CodeCrafts.Api.Common;

namespace CodeCrafts.Api.Features.Memory;

/// <summary>
/// The memory model fitted to each learner: the nightly FSRS-6 fit and the caller's memory settings. The scheduler
/// reads the weights it stores in the answer's own read (Questions/AnswerSql), so there is no cache to keep in step.
/// </summary>
internal static class MemorySetup
{
    public static WebApplicationBuilder AddMemory(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MemoryOptions>()
            .Bind(builder.Configuration.GetSection(MemoryOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<MemoryFitter>();
        builder.Services.AddHostedService<MemoryFitService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMemoryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users/me/memory")
            .WithTags("Memory")
            .RequireAuthorization();

        group.MapGet("", MemoryApi.GetMine)
            .WithName("GetMyMemory")
            .WithSummary("The caller's memory model")
            .WithDescription(
                "Where the FSRS-6 weights that schedule the caller's reviews come from (default, global or personal), how well " +
                "they predict the caller's held-out reviews (log loss), how many reviews they were fitted on, when, and the " +
                "caller's desired retention. Weights are refitted nightly; new ones apply from the next review.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPatch("", MemoryApi.UpdateMine)
            .WithName("UpdateMyMemory")
            .WithSummary("Set the caller's desired retention")
            .WithDescription("Sets the probability of recall the caller's reviews aim for, 0.80 to 0.97; applies from the next review.")
            .WithRequestBodyLimit()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
