using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CodeCrafts.Api.Features.Reviews;

namespace CodeCrafts.Api.Features.Memory;

[Description("The memory model the caller's reviews are scheduled with, and how well it predicts them.")]
public sealed record MemorySettings(
    [property: Description("Where the FSRS-6 weights come from: Default (the published weights), Global (fitted nightly across all learners) or Personal (fitted to the caller's own reviews).")]
    WeightsSource Source,
    [property: Description("Log loss (binary cross-entropy of recall, lower is better) of the weights in use on the most recent 20 % of the reviews they were fitted on, held out from the fit; null for the default weights.")]
    double? LogLoss,
    [property: Description("Log loss, on the same held-out reviews, of the weights these replaced; null for the default weights.")]
    double? PreviousLogLoss,
    [property: Description("How many reviews the weights in use were fitted and judged on; null for the default weights.")]
    int? ReviewsUsed,
    [property: Description("When the weights in use were fitted; null for the default weights.")]
    DateTimeOffset? LastFit,
    [property: Description("Probability of recall the caller's reviews aim for, 0.80 to 0.97.")]
    double DesiredRetention,
    [property: Description("The caller's reviews so far.")]
    int Reviews,
    [property: Description("Reviews a learner needs before weights are fitted to their own log (nightly).")]
    int PersonalMinReviews,
    [property: Description("The 21 FSRS-6 weights in use, w0 to w20.")]
    IReadOnlyList<double> Weights);

[Description("Change the desired retention.")]
public sealed record UpdateMemoryRequest
{
    [Required]
    [Range(MemoryOptions.MinDesiredRetention, MemoryOptions.MaxDesiredRetention, ErrorMessage = "desiredRetention must be between 0.80 and 0.97.")]
    [Description("Probability of recall reviews should aim for, 0.80 to 0.97: higher means more reviews and less forgetting.")]
    public double? DesiredRetention { get; init; }
}
