using System.Diagnostics;
using System.Globalization;
using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Srs.Simulation;

// Simulated learners: FSRS-6 against fixed intervals and SM-2. See benchmarks/README.md, "Spaced repetition".
var options = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1], StringComparer.OrdinalIgnoreCase);
int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var population = new Population(Option("learners", 100), Option("items", 100), Option("days", 180), Option("seed", 42));
var target = options.TryGetValue("target", out var t) ? double.Parse(t, CultureInfo.InvariantCulture) : 0.9;
var clock = Stopwatch.StartNew();
void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));

// Fitted on one log, judged on another: no model sees the outcomes it is scored on.
var trainingLog = SimulatedLog.RandomIntervals(population with { Learners = Math.Max(1, population.Learners / 4) }, population.Seed + 2_000_000);
var testLog = SimulatedLog.RandomIntervals(population, population.Seed + 1_000_000);
var fitted = FsrsOptimizer.Fit(SimulatedLog.Histories(trainingLog, 0), Fsrs.DefaultWeights, Option("fit-steps", 150));

Func<IItemModel> NewFsrs(IReadOnlyList<double> weights, double retention)
{
    var fsrs = new Fsrs(weights, retention);
    return () => new FsrsModel(fsrs);
}

Line($"{population.Learners} learners × {population.ItemsPerLearner} items, {population.Days} days, seed {population.Seed}");
Line($"FSRS-6 weights fitted on {trainingLog.Sum(h => h.Length)} simulated reviews: {string.Join(", ", fitted.Select(w => w.ToString("0.####", CultureInfo.InvariantCulture)))}");
Line($"");
Line($"Default settings");
Line($"");
Line($"| Scheduler | Average recall | Recall at review | Reviews per item | Log loss (own reviews) |");
Line($"|---|---:|---:|---:|---:|");
foreach (var (name, model) in new (string, Func<IItemModel>)[]
{
    ("FSRS-6 default weights, retention 0.9", NewFsrs(Fsrs.DefaultWeights, 0.9)),
    ("FSRS-6 fitted weights, retention 0.9", NewFsrs(fitted, 0.9)),
    ("Fixed 1-3-7-14-30 days", () => new FixedIntervalsModel(1)),
    ("SM-2", () => new Sm2Model(1)),
})
{
    var r = Simulation.Run(population, model);
    Line($"| {name} | {r.AverageRecall:P1} | {r.RecallAtReview:P1} | {r.ReviewsPerItem:F1} | {r.LogLoss:F3} |");
}

Line($"");
Line($"Each scheduler's one setting tuned until average recall is {target:P0}");
Line($"");
Line($"| Scheduler | Setting | Average recall | Recall at review | Reviews per item | vs FSRS-6 fitted |");
Line($"|---|---|---:|---:|---:|---:|");
var calibrated = new (string Name, string Setting, ScheduleResult Result)[4];
var fsrsDefault = Simulation.Calibrate(population, r => NewFsrs(Fsrs.DefaultWeights, r), target, 0.5, 0.99, increasing: true);
var fsrsFitted = Simulation.Calibrate(population, r => NewFsrs(fitted, r), target, 0.5, 0.99, increasing: true);
var fixedIntervals = Simulation.Calibrate(population, s => () => new FixedIntervalsModel(s), target, 0.02, 10, increasing: false);
var sm2 = Simulation.Calibrate(population, s => () => new Sm2Model(s), target, 0.02, 10, increasing: false);
calibrated[0] = ("FSRS-6 default weights", $"desired retention {fsrsDefault.Setting:F3}", fsrsDefault.Result);
calibrated[1] = ("FSRS-6 fitted weights", $"desired retention {fsrsFitted.Setting:F3}", fsrsFitted.Result);
calibrated[2] = ("Fixed 1-3-7-14-30 days", $"intervals × {fixedIntervals.Setting:F2}", fixedIntervals.Result);
calibrated[3] = ("SM-2", $"intervals × {sm2.Setting:F2}", sm2.Result);
foreach (var (name, setting, r) in calibrated)
{
    Line($"| {name} | {setting} | {r.AverageRecall:P1} | {r.RecallAtReview:P1} | {r.ReviewsPerItem:F1} | {r.ReviewsPerItem / fsrsFitted.Result.ReviewsPerItem:F2}× |");
}

Line($"");
Line($"Predicted recall on a separate log of {testLog.Sum(h => h.Length)} reviews (intervals 1–60 days at random)");
Line($"");
Line($"| Model | Log loss | Mean predicted | Mean actual |");
Line($"|---|---:|---:|---:|");
foreach (var r in Simulation.Predict(testLog,
[
    ("FSRS-6 default weights", NewFsrs(Fsrs.DefaultWeights, 0.9)),
    ("FSRS-6 fitted weights", NewFsrs(fitted, 0.9)),
    ("Fixed 1-3-7-14-30 days", () => new FixedIntervalsModel(1)),
    ("SM-2", () => new Sm2Model(1)),
]))
{
    Line($"| {r.Model} | {r.LogLoss:F3} | {r.MeanPredicted:P1} | {r.MeanActual:P1} |");
}
PersonalWeights.Report(population, Option("personal-learners", 20), Option("fit-steps", 150), target, Line);
Line($"");
Line($"({clock.Elapsed.TotalSeconds:F0} s)");
