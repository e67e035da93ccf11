using CodeCrafts.Api.Features.Reviews;

namespace CodeCrafts.Tests.Features.Reviews;

/// <summary>
/// FSRS-6 against values computed independently from the published formulas by fsrs6_reference.py (next to this file),
/// whose own outputs agree with the fsrs-rs test suite (e.g. S = 0.1008859, 3.249412, 7.3153, 18.01491 after one day).
/// </summary>
public sealed class FsrsTests
{
    private const double Tolerance = 1e-9;
    private readonly Fsrs _fsrs = new();

    [Theory]
    [InlineData(Rating.Again, 0.212, 6.4133)]
    [InlineData(Rating.Hard, 1.2931, 5.112170705601)]
    [InlineData(Rating.Good, 2.3065, 2.118103970459)]
    [InlineData(Rating.Easy, 8.2956, 1.0)] // D0(Easy) = -4.77 before the clamp to [1, 10]
    public void TheFirstRatingGivesThePublishedInitialState(Rating rating, double stability, double difficulty)
    {
        var state = _fsrs.Initial(rating);

        Assert.Equal(stability, state.Stability, Tolerance);
        Assert.Equal(difficulty, state.Difficulty, Tolerance);
    }

    [Fact]
    public void GoodGoodAgainGoodFollowsTheRecallLapseAndRecallFormulas()
    {
        var afterGood = _fsrs.Initial(Rating.Good);

        var afterSecondGood = _fsrs.Next(afterGood, 3, Rating.Good);
        var afterAgain = _fsrs.Next(afterSecondGood, 10, Rating.Again);
        var afterThirdGood = _fsrs.Next(afterAgain, 2, Rating.Good);

        Assert.Equal(13.826903694355, afterSecondGood.Stability, Tolerance);
        Assert.Equal(2.111214235785, afterSecondGood.Difficulty, Tolerance);
        Assert.Equal(1.666140747579, afterAgain.Stability, Tolerance);
        Assert.Equal(7.392238132343, afterAgain.Difficulty, Tolerance);
        Assert.Equal(5.045934306640, afterThirdGood.Stability, Tolerance);
        Assert.Equal(7.380074263507, afterThirdGood.Difficulty, Tolerance);
    }

    [Theory]
    [InlineData(Rating.Again, 0.775083982856, 7.394502741280)]
    [InlineData(Rating.Hard, 1.333378716804, 4.752858488533)]
    [InlineData(Rating.Good, 2.3065, 2.111214235785)] // the increase is below 1, and Good never lowers stability
    [InlineData(Rating.Easy, 3.946054067969, 1.0)]
    public void AReviewWithinADayUsesTheShortTermUpdate(Rating rating, double stability, double difficulty)
    {
        var state = _fsrs.Next(_fsrs.Initial(Rating.Good), 0.01, rating);

        Assert.Equal(stability, state.Stability, Tolerance);
        Assert.Equal(difficulty, state.Difficulty, Tolerance);
    }

    [Theory]
    [InlineData(0.0, 10.0, 1.0)]
    [InlineData(5.0, 10.0, 0.940344288893)]
    [InlineData(10.0, 10.0, 0.9)]
    [InlineData(30.0, 10.0, 0.809388103573)]
    public void RetrievabilityFollowsThePowerForgettingCurveWithDecayW20(double elapsedDays, double stability, double expected)
    {
        Assert.Equal(expected, _fsrs.Retrievability(new MemoryState(stability, 5), elapsedDays), Tolerance);
    }

    [Fact]
    public void TheDecayWeightShapesTheCurve()
    {
        var weights = Fsrs.DefaultWeights.ToArray();
        weights[20] = 0.5;
        var fsrs = new Fsrs(weights, 0.8);

        Assert.Equal(0.766130877683, fsrs.Retrievability(new MemoryState(10, 5), 30), Tolerance);
        Assert.Equal(23.980263157895, fsrs.NextInterval(new MemoryState(10, 5)), Tolerance);
    }

    [Theory]
    [InlineData(1.0, 0.9, 1.0)]
    [InlineData(1.0, 0.8, 3.315959786231)]
    [InlineData(2.3065, 0.8, 7.648261246942)]
    [InlineData(10.0, 0.9, 10.0)]
    [InlineData(10.0, 0.8, 33.159597862310)]
    [InlineData(100.0, 0.8, 331.595978623098)]
    public void TheIntervalIsWhereRecallMeetsTheDesiredRetention(double stability, double retention, double expectedDays)
    {
        var fsrs = new Fsrs(Fsrs.DefaultWeights, retention);

        Assert.Equal(expectedDays, fsrs.NextInterval(new MemoryState(stability, 5)), 1e-8);
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(0.8)]
    [InlineData(0.95)]
    public void RetrievabilityEqualsTheDesiredRetentionWhenTheIntervalHasPassed(double retention)
    {
        var fsrs = new Fsrs(Fsrs.DefaultWeights, retention);
        foreach (var stability in new[] { 0.05, 2.3065, 17.0, 365.0 })
        {
            var state = new MemoryState(stability, 6);

            Assert.Equal(retention, fsrs.Retrievability(state, fsrs.NextInterval(state)), 1e-12);
        }
    }

    [Fact]
    public void DifficultyNeverLeavesOneToTen()
    {
        var easy = _fsrs.Initial(Rating.Easy);
        for (var i = 0; i < 3; i++)
        {
            easy = _fsrs.Next(easy, 30, Rating.Easy);
        }
        var steep = Fsrs.DefaultWeights.ToArray();
        steep[6] = 6; // a step of 12 from 5 would overshoot 10 without the clamp
        steep[7] = 0;

        var hard = new Fsrs(steep, 0.9).Next(new MemoryState(3, 5), 4, Rating.Again);

        Assert.Equal(1.0, easy.Difficulty);
        Assert.Equal(472.495885637294, easy.Stability, 1e-7);
        Assert.Equal(10.0, hard.Difficulty);
    }

    [Fact]
    public void StabilityNeverFallsBelowTheMinimum()
    {
        var again = _fsrs.Initial(Rating.Again);
        for (var i = 0; i < 5; i++)
        {
            again = _fsrs.Next(again, 0, Rating.Again);
        }

        // Unclamped, the same-day Again would give 0.000559 and the lapse formula 0.000952.
        var sameDay = _fsrs.Next(new MemoryState(0.001, 10), 0, Rating.Again);
        var lapse = _fsrs.Next(new MemoryState(0.001, 10), 400, Rating.Again);

        Assert.Equal(0.003541011675, again.Stability, Tolerance);
        Assert.Equal(9.964319173862, again.Difficulty, Tolerance);
        Assert.Equal(Fsrs.MinStability, sameDay.Stability);
        Assert.Equal(Fsrs.MinStability, lapse.Stability);
    }

    [Fact]
    public void TheModelRefusesWeightsItCannotUse()
    {
        Assert.Throws<ArgumentException>(() => new Fsrs(Fsrs.DefaultWeights.Take(19).ToArray(), 0.9));
        Assert.Throws<ArgumentException>(() => new Fsrs([.. Fsrs.DefaultWeights.Take(20), 0.0], 0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Fsrs(Fsrs.DefaultWeights, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => _fsrs.Initial((Rating)5));
        Assert.Throws<ArgumentOutOfRangeException>(() => _fsrs.Next(new MemoryState(0, 5), 1, Rating.Good));
    }
}
