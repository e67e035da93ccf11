using CodeCrafts.Api.Features.Reviews;

namespace CodeCrafts.Srs.Simulation;

/// <summary>
/// The Api's nightly fit, replayed on simulated learners: global weights fitted across everyone's log, personal weights
/// fitted to each learner's own and kept only when they beat the global ones on that learner's newest 20 %
/// (<see cref="FsrsOptimizer.Judge"/>, the same code). Then default, global and personal weights on the same learners.
/// </summary>
internal static class PersonalWeights
{
    public static void Report(Population population, int learners, int steps, double target, Action<FormattableString> line)
    {
        var cohort = population with { Learners = Math.Min(learners, population.Learners) };
        var own = Enumerable.Range(0, cohort.Learners)
            .Select(l => SimulatedLog.Histories(SimulatedLog.ForLearner(cohort, l, cohort.Seed + 3_000_000), 0.2)).ToList();
        var judged = Enumerable.Range(0, cohort.Learners)
            .Select(l => SimulatedLog.Histories(SimulatedLog.ForLearner(cohort, l, cohort.Seed + 4_000_000), 1)).ToList();

        var global = FsrsOptimizer.Judge([.. own.SelectMany(h => h)], Fsrs.DefaultWeights, steps) is { Beats: true } g ? g.Weights : [.. Fsrs.DefaultWeights];
        var verdicts = own.Select(h => FsrsOptimizer.Judge(h, global, steps)).ToList();
        var personal = verdicts.Select(v => v is { Beats: true } ? v.Weights : global).ToList();

        line($"");
        line($"Default, global and personal weights on the same {cohort.Learners} learners ({own.Sum(h => h.Sum(r => r.Length - 1)) / cohort.Learners} reviews each to fit on; personal weights kept for {verdicts.Count(v => v is { Beats: true })} of them)");
        line($"");
        line($"| Weights | Log loss (separate log) | Desired retention for {target:P0} recall | Average recall | Reviews per item |");
        line($"|---|---:|---:|---:|---:|");
        foreach (var (name, weightsOf) in new (string, Func<int, IReadOnlyList<double>>)[]
        {
            ("FSRS-6 default weights", _ => Fsrs.DefaultWeights),
            ("Global weights (fitted across these learners)", _ => global),
            ("Personal weights (each learner's own, else global)", l => personal[l]),
        })
        {
            var loss = Enumerable.Range(0, cohort.Learners).Sum(l => FsrsOptimizer.LogLoss(judged[l], weightsOf(l))!.Value * Scored(judged[l]))
                / judged.Sum(Scored);
            var (retention, result) = Simulation.Calibrate(cohort, r =>
            {
                var models = Enumerable.Range(0, cohort.Learners).Select(l => new Fsrs(weightsOf(l), r)).ToArray();
                return l => new FsrsModel(models[l]);
            }, target, 0.5, 0.99, increasing: true);
            line($"| {name} | {loss:F3} | {retention:F3} | {result.AverageRecall:P1} | {result.ReviewsPerItem:F1} |");
        }
    }

    private static int Scored(List<FitReview[]> histories) => histories.Sum(h => h.Length - 1);
}
