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
            log.AddRange(Items(population, random, 0.25 * random.NextGaussian()));
        }
        return log;
    }

    /// <summary>
    /// One learner of <paramref name="population"/> (the same ability <see cref="Simulation.Run(Population, Func{int, IItemModel})"/>
    /// gives learner <paramref name="learner"/>) on other items, drawn from <paramref name="seed"/>.
    /// </summary>
    public static IReadOnlyList<LoggedReview[]> ForLearner(Population population, int learner, int seed) =>
        Items(population, new Random(seed + learner), 0.25 * new Random(population.Seed + learner).NextGaussian());

    /// <summary>
    /// The log as the Api's optimizer takes it: each item's study on day 0 first, then its reviews; the reviews on the
    /// last <paramref name="heldOutShare"/> of the learner's days held out, as the nightly fit holds out the newest.
    /// </summary>
    public static List<FitReview[]> Histories(IReadOnlyList<LoggedReview[]> log, double heldOutShare)
    {
        var days = log.SelectMany(h => h.Select((_, i) => h.Take(i + 1).Sum(r => r.ElapsedDays))).Order().ToList();
        var cutoff = days.Count == 0 ? 0 : days[Math.Min(days.Count - 1, (int)Math.Ceiling(days.Count * (1 - heldOutShare)))];
        return [.. log.Select(h =>
        {
            var day = 0.0;
            return h.Select(r => new FitReview(r.ElapsedDays, r.Grade, (day += r.ElapsedDays) >= cutoff)).Prepend(new FitReview(0, Rating.Good)).ToArray();
        })];
    }

    private static List<LoggedReview[]> Items(Population population, Random random, double ability)
    {
        var log = new List<LoggedReview[]>();
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
        return log;
    }
}
