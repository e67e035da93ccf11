using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Reviews;

/// <summary>
/// The review feature in one place: options from <c>Reviews</c>, the FSRS model and planner (the answer pipeline writes
/// each answer's review with them), the queue endpoint.
/// </summary>
public static class ReviewsSetup
{
    public static WebApplicationBuilder AddReviews(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IValidateOptions<ReviewOptions>, ReviewOptionsValidator>();
        builder.Services.AddOptions<ReviewOptions>()
            .Bind(builder.Configuration.GetSection(ReviewOptions.Section))
            .ValidateOnStart();

        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ReviewOptions>>().Value;
            return new Fsrs(options.EffectiveWeights, options.DesiredRetention);
        });
        builder.Services.AddSingleton<ReviewPlanner>();
        builder.Services.AddSingleton<ReviewsTelemetry>();
        return builder;
    }

    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reviews")
            .WithTags("Reviews")
            .RequireAuthorization();

        group.MapGet("/due", ReviewsApi.GetDueReviews)
            .WithName("GetDueReviews")
            .WithSummary("The caller's review queue")
            .WithDescription(
                "Questions due for review across lessons, lowest predicted recall first, with how many more fall due " +
                "later today in the caller's time zone. Filter by language (python, cpp) and lessonId; paginated. " +
                "Answer a review with POST /api/questions/{id}/attempts.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
