using CodeCrafts.Api.Features.Reviews;

namespace CodeCrafts.Srs.Simulation;

/// <summary>
/// The simulated learner's real memory of one item — deliberately not FSRS: an exponential forgetting curve
/// p = 0.9^(t/S) with a per-item difficulty and a per-learner ability, where a success multiplies stability more
/// the harder the recall was (the spacing effect) and less the more stable it already is, and a lapse cuts it down.
/// Magnitudes are those real learners show (FSRS's defaults, fitted on Anki collections): an average item starts at
/// about 2 days and grows ×2–3.5 per successful review.
/// </summary>
internal sealed class TrueMemory(double difficulty, double ability, double stability)
{
    public double Difficulty { get; } = difficulty;

    public double Stability { get; private set; } = stability;

    public static TrueMemory Learn(Random random, double ability)
    {
        var difficulty = Math.Clamp(5 + 2 * random.NextGaussian(), 1, 10);
        var stability = Math.Exp(0.7 + ability - 0.15 * (difficulty - 5) + 0.2 * random.NextGaussian());
        return new TrueMemory(difficulty, ability, stability);
    }

    public double Recall(double elapsedDays) => Math.Pow(0.9, elapsedDays / Stability);

    /// <summary>Draws the outcome of a review after <paramref name="elapsedDays"/>, updates memory, returns the learner's grade.</summary>
    public (bool Recalled, Rating Grade, double Probability) Review(Random random, double elapsedDays)
    {
        var p = Recall(elapsedDays);
        var recalled = random.NextDouble() < p;
        if (recalled)
        {
            var growth = Math.Exp(3.0 + ability) * (11 - Difficulty) / 10 * Math.Pow(Stability, -0.25) * (Math.Exp(1.5 * (1 - p)) - 1);
            Stability *= 1 + growth;
        }
        else
        {
            Stability = Math.Max(0.1, 0.3 * Math.Pow(Stability, 0.6) * Math.Exp(-0.1 * (Difficulty - 5)));
        }
        // Learners grade by feel: a struggle is Hard, a recall that was never in doubt is Easy.
        var grade = !recalled ? Rating.Again : p < 0.75 ? Rating.Hard : p > 0.98 ? Rating.Easy : Rating.Good;
        return (recalled, grade, p);
    }
}

internal static class RandomExtensions
{
    public static double NextGaussian(this Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
