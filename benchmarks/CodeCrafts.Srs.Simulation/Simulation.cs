using CodeCrafts.Api.Features.Reviews;

namespace CodeCrafts.Srs.Simulation;

internal sealed record Population(int Learners, int ItemsPerLearner, int Days, int Seed);

/// <param name="AverageRecall">True probability of recall, averaged over every item and every day (before that day's review).</param>
/// <param name="RecallAtReview">Share of reviews answered correctly.</param>
internal sealed record ScheduleResult(double AverageRecall, double RecallAtReview, double ReviewsPerItem, double LogLoss);

internal sealed record PredictionResult(string Model, double LogLoss, double MeanPredicted, double MeanActual);

internal static class Simulation
{
    /// <summary>Every item studied on day 0, then reviewed whenever the model schedules it, for <see cref="Population.Days"/> days.</summary>
    public static ScheduleResult Run(Population population, Func<IItemModel> newModel) => Run(population, _ => newModel());

    /// <summary>The same, with a model per learner (their own weights, say).</summary>
    public static ScheduleResult Run(Population population, Func<int, IItemModel> newModel)
    {
        double recallDays = 0, loss = 0;
        long reviews = 0, recalled = 0;
        for (var learner = 0; learner < population.Learners; learner++)
        {
            var random = new Random(population.Seed + learner);
            var ability = 0.25 * random.NextGaussian();
            for (var i = 0; i < population.ItemsPerLearner; i++)
            {
                var memory = TrueMemory.Learn(random, ability);
                var model = newModel(learner);
                var last = 0;
                var due = model.NextIntervalDays();
                for (var day = 1; day <= population.Days; day++)
                {
                    recallDays += memory.Recall(day - last);
                    if (day != due)
                    {
                        continue;
                    }
                    var predicted = model.Predict(day - last);
                    var (ok, grade, _) = memory.Review(random, day - last);
                    model.Update(grade, day - last);
                    loss += LogLoss(predicted, ok);
                    reviews++;
                    recalled += ok ? 1 : 0;
                    last = day;
                    due = day + model.NextIntervalDays();
                }
            }
        }
        var items = (double)population.Learners * population.ItemsPerLearner;
        return new ScheduleResult(recallDays / (items * population.Days), (double)recalled / reviews, reviews / items, loss / reviews);
    }

    /// <summary>
    /// The setting (between <paramref name="low"/> and <paramref name="high"/>) at which average recall meets the target,
    /// by bisection; <paramref name="increasing"/> says whether recall rises with the setting.
    /// </summary>
    public static (double Setting, ScheduleResult Result) Calibrate(
        Population population, Func<double, Func<IItemModel>> newModel, double target, double low, double high, bool increasing) =>
        Calibrate(population, setting => { var model = newModel(setting); return _ => model(); }, target, low, high, increasing);

    public static (double Setting, ScheduleResult Result) Calibrate(
        Population population, Func<double, Func<int, IItemModel>> newModel, double target, double low, double high, bool increasing)
    {
        ScheduleResult result = null!;
        var setting = 0.0;
        for (var step = 0; step < 22; step++)
        {
            setting = increasing ? (low + high) / 2 : Math.Sqrt(low * high);
            result = Run(population, newModel(setting));
            if ((result.AverageRecall < target) == increasing)
            {
                low = setting;
            }
            else
            {
                high = setting;
            }
        }
        return (setting, result);
    }

    /// <summary>
    /// Every model replays the same histories and predicts each outcome before it sees it, as srs-benchmark judges
    /// models on real review logs; the learners' true recall probability gives the floor no model can beat.
    /// </summary>
    public static IReadOnlyList<PredictionResult> Predict(IReadOnlyList<LoggedReview[]> log, IReadOnlyList<(string Name, Func<IItemModel> New)> models)
    {
        var losses = new double[models.Count + 1];
        var predictedSums = new double[models.Count + 1];
        double actual = 0;
        long reviews = 0;
        foreach (var history in log)
        {
            var instances = models.Select(m => m.New()).ToArray();
            foreach (var review in history)
            {
                var predictions = instances.Select(m => m.Predict(review.ElapsedDays)).Append(review.TrueRecall).ToArray();
                for (var m = 0; m < predictions.Length; m++)
                {
                    losses[m] += LogLoss(predictions[m], review.Recalled);
                    predictedSums[m] += predictions[m];
                }
                foreach (var model in instances)
                {
                    model.Update(review.Grade, review.ElapsedDays);
                }
                actual += review.Recalled ? 1 : 0;
                reviews++;
            }
        }
        return models.Select(m => m.Name).Append("True memory (the floor)")
            .Select((name, m) => new PredictionResult(name, losses[m] / reviews, predictedSums[m] / reviews, actual / reviews))
            .ToList();
    }

    public static double LogLoss(double predicted, bool recalled) => FsrsOptimizer.LogLoss(predicted, recalled);
}
