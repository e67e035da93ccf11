using System.Globalization;

namespace CodeCrafts.Api.Features.Reviews;

/// <summary>Where the weights a learner is scheduled with come from.</summary>
public enum WeightsSource
{
    /// <summary>The published FSRS-6 defaults (or the weights configured under Reviews:Weights).</summary>
    Default,
    /// <summary>Fitted nightly across all learners' reviews.</summary>
    Global,
    /// <summary>Fitted to this learner's own review log.</summary>
    Personal,
}

/// <summary>
/// What the scheduler needs to know about one learner's memory, as stored: their own weights, the global ones, their
/// desired retention (each null when there is none). <see cref="ReviewPlanner.FsrsFor"/> turns it into a model.
/// </summary>
public sealed record LearnerModel(string? PersonalWeights, string? GlobalWeights, double? DesiredRetention)
{
    public static LearnerModel None { get; } = new(null, null, null);

    public WeightsSource Source =>
        WeightsText.TryParse(PersonalWeights) is not null ? WeightsSource.Personal
        : WeightsText.TryParse(GlobalWeights) is not null ? WeightsSource.Global
        : WeightsSource.Default;
}

/// <summary>The stored form of a weight set: 21 numbers, comma-separated, invariant culture, round-trippable.</summary>
public static class WeightsText
{
    public static string Format(IReadOnlyList<double> weights) =>
        string.Join(",", weights.Select(w => w.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>The weights, or null when the text is missing or not a weight set FSRS-6 accepts.</summary>
    public static double[]? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parts = text.Split(',');
        var weights = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out weights[i]))
            {
                return null;
            }
        }
        try
        {
            _ = new Fsrs(weights, Fsrs.DefaultDesiredRetention);
            return weights;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
