using CodeCrafts.Api.Features.Reviews;

namespace CodeCrafts.Tests.Features.Memory;

/// <summary>The optimizer alone, on learners simulated from known FSRS-6 weights.</summary>
public sealed class FsrsOptimizerTests
{
    [Fact]
    public void WeightsFittedToASimulatedLearnerPredictTheirHeldOutReviewsBetterThanTheDefaults()
    {
        var reviews = SimulatedLearner.Reviews(SimulatedLearner.KnownWeights, items: 300, reviewsPerItem: 10, seed: 7, DateTimeOffset.UnixEpoch);
        var histories = SimulatedLearner.Histories(reviews, 0.2);

        var fitted = FsrsOptimizer.Fit(histories, Fsrs.DefaultWeights, steps: 120, TestContext.Current.CancellationToken);

        var fittedLoss = FsrsOptimizer.LogLoss(histories, fitted)!.Value;
        var defaultLoss = FsrsOptimizer.LogLoss(histories, Fsrs.DefaultWeights)!.Value;
        var trueLoss = FsrsOptimizer.LogLoss(histories, SimulatedLearner.KnownWeights)!.Value;
        Assert.True(fittedLoss < defaultLoss, $"fitted {fittedLoss:F4} vs default {defaultLoss:F4} (true weights {trueLoss:F4})");
        // Closer to the truth than to the defaults: the fit learned this learner, not noise.
        Assert.True(fittedLoss - trueLoss < (defaultLoss - trueLoss) / 2, $"fitted {fittedLoss:F4}, default {defaultLoss:F4}, true {trueLoss:F4}");
    }

    [Fact]
    public void FittedWeightsStayWithinThePublishedBounds()
    {
        // A log no memory could produce (every long gap recalled, every short one forgotten) pushes weights to their limits.
        var histories = Enumerable.Range(0, 30).Select(i => new[]
        {
            new FitReview(0, Rating.Good),
            new FitReview(1, Rating.Again),
            new FitReview(60, Rating.Easy),
            new FitReview(1, Rating.Again),
            new FitReview(90, Rating.Easy, HeldOut: true),
        }).ToList();

        var fitted = FsrsOptimizer.Fit(histories, Fsrs.DefaultWeights, steps: 60, TestContext.Current.CancellationToken);

        for (var i = 0; i < Fsrs.WeightCount; i++)
        {
            Assert.InRange(fitted[i], FsrsWeightBounds.Lower[i], FsrsWeightBounds.Upper[i]);
        }
        Assert.Equal(0.1, FsrsWeightBounds.Lower[20]);
        Assert.Equal(100, FsrsWeightBounds.Upper[0]);
    }

    [Fact]
    public void AHeldOutReviewIsScoredOnlyWhenJudgingAndAFirstStudyNever()
    {
        var histories = new List<FitReview[]> { new[] { new FitReview(0, Rating.Good), new FitReview(3, Rating.Good), new FitReview(5, Rating.Again, HeldOut: true) } };
        var fsrs = new Fsrs();
        var afterTwo = fsrs.Next(fsrs.Initial(Rating.Good), 3, Rating.Good);

        var heldOut = FsrsOptimizer.LogLoss(histories, Fsrs.DefaultWeights)!.Value;
        var training = FsrsOptimizer.LogLoss(histories, Fsrs.DefaultWeights, heldOut: false)!.Value;

        Assert.Equal(-Math.Log(1 - fsrs.Retrievability(afterTwo, 5)), heldOut, 9);
        Assert.Equal(-Math.Log(fsrs.Retrievability(fsrs.Initial(Rating.Good), 3)), training, 9);
    }
}
