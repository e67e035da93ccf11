using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Reviews;

/// <summary>Configuration section <c>Reviews</c>: how far ahead reviews are scheduled and the short steps before that.</summary>
public sealed class ReviewOptions
{
    public const string Section = "Reviews";
    public const int MaximumIntervalLimit = 36500;

    private static readonly TimeSpan[] DefaultLearningSteps = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)];
    private static readonly TimeSpan[] DefaultRelearningSteps = [TimeSpan.FromMinutes(10)];

    /// <summary>Probability of recall that reviews aim for: lower means fewer reviews and more forgetting.</summary>
    public double DesiredRetention { get; set; } = Fsrs.DefaultDesiredRetention;

    public int MaximumIntervalDays { get; set; } = MaximumIntervalLimit;

    // Arrays are null by default: the configuration binder appends to an initialised array instead of replacing it.

    /// <summary>Steps for a new item before day-scale intervals (default 1 min, 10 min).</summary>
    public TimeSpan[]? LearningSteps { get; set; }

    /// <summary>Steps for an item answered wrong in review (default 10 min).</summary>
    public TimeSpan[]? RelearningSteps { get; set; }

    /// <summary>The 21 FSRS-6 weights; the published defaults unless fitted to our own review log.</summary>
    public double[]? Weights { get; set; }

    /// <summary>Spreads reviews that would fall on the same day over neighbouring days (<see cref="ReviewFuzz"/>).</summary>
    public bool EnableFuzz { get; set; } = true;

    public IReadOnlyList<TimeSpan> EffectiveLearningSteps => LearningSteps ?? DefaultLearningSteps;

    public IReadOnlyList<TimeSpan> EffectiveRelearningSteps => RelearningSteps ?? DefaultRelearningSteps;

    public IReadOnlyList<double> EffectiveWeights => Weights ?? Fsrs.DefaultWeights;
}

internal sealed class ReviewOptionsValidator : IValidateOptions<ReviewOptions>
{
    public ValidateOptionsResult Validate(string? name, ReviewOptions options)
    {
        var failures = new List<string>();
        if (!(options.DesiredRetention is >= 0.7 and <= 0.99))
        {
            failures.Add($"{ReviewOptions.Section}:DesiredRetention must be between 0.7 and 0.99.");
        }
        if (options.MaximumIntervalDays is < 1 or > ReviewOptions.MaximumIntervalLimit)
        {
            failures.Add($"{ReviewOptions.Section}:MaximumIntervalDays must be between 1 and {ReviewOptions.MaximumIntervalLimit}.");
        }
        // FSRS models anything of a day or more itself; longer steps would fight it.
        if (options.EffectiveLearningSteps.Concat(options.EffectiveRelearningSteps).Any(s => s <= TimeSpan.Zero || s >= TimeSpan.FromDays(1)))
        {
            failures.Add($"{ReviewOptions.Section}: learning and relearning steps must be longer than zero and shorter than a day.");
        }
        if (options.Weights is { } weights)
        {
            try
            {
                _ = new Fsrs(weights, Fsrs.DefaultDesiredRetention);
            }
            catch (ArgumentException e)
            {
                failures.Add($"{ReviewOptions.Section}:Weights: {e.Message}");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
