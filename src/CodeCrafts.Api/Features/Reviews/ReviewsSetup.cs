namespace CodeCrafts.Api.Features.Reviews;

/// <summary>Placeholder until the FSRS scheduler lands: the merge replaces this file and InterimReviewScheduler.cs.</summary>
internal static class ReviewsSetup
{
    public static WebApplicationBuilder AddReviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IReviewScheduler, InterimReviewScheduler>();
        return builder;
    }
}
