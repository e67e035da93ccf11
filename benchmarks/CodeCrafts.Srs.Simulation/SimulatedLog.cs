using CodeCrafts.Api.Features.Reviews;

namespace CodeCrafts.Srs.Simulation;

/// <summary>One review in a simulated history: when, the grade, the outcome, and the learner's true recall probability.</summary>
internal sealed record LoggedReview(double ElapsedDays, Rating Grade, bool Recalled, double TrueRecall);

internal static class SimulatedLog
{
    /// <summary>
    /// Histories of items studied on day 0 and then reviewed at intervals drawn log-uniformly between 1 and 60 days,
    /// so that recall at review ranges widely: the kind of log models are fitted on and judged by.
    /// </summary>
    public static IReadOnlyList<LoggedReview[]> RandomIntervals(Population population, int seed)
    {
        var log = new List<LoggedReview[]>();
        for (var learner = 0; learner < population.Learners; learner++)
        {
            var random = new Random(seed + learner);
            var ability = 0.25 * random.NextGaussian();
            for (var i = 0; i < population.ItemsPerLearner; i++)
            {
                var memory = TrueMemory.Learn(random, ability);
                var reviews = new List<LoggedReview>();
                for (var day = 0; ;)
                {
                    var elapsed = Math.Max(1, (int)Math.Round(Math.Exp(random.NextDouble() * Math.Log(60))));
                    day += elapsed;
                    if (day > population.Days)
                    {
                        break;
                    }
                    var (recalled, grade, p) = memory.Review(random, elapsed);
                    reviews.Add(new LoggedReview(elapsed, grade, recalled, p));
                }
                log.Add([.. reviews]);
            }
        }
        return log;
    }
}
