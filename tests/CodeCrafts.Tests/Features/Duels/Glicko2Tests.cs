using CodeCrafts.Api.Features.Duels;

namespace CodeCrafts.Tests.Features.Duels;

public sealed class Glicko2Tests
{
    private static readonly Glicko2Rating NewPlayer = Glicko2Rating.Initial;

    [Fact]
    public void ThePapersWorkedExampleGives1464_151_0_05999()
    {
        var player = new Glicko2Rating(1500, 200, 0.06);

        var rated = Glicko2.Rate(player, [(new(1400, 30, 0.06), 1), (new(1550, 100, 0.06), 0), (new(1700, 300, 0.06), 0)], tau: 0.5);

        // Glickman rounds intermediate values, so his printed figures are within a hundredth of the exact ones.
        Assert.Equal(1464.06, rated.Rating, 0.02);
        Assert.Equal(151.52, rated.Deviation, 0.01);
        Assert.Equal(0.05999, rated.Volatility, 0.00001);
    }

    [Fact]
    public void ANewPlayerBeatingAnEquallyNewPlayerGainsWhatTheFormulasGiveByHand()
    {
        // By hand: φ = 350 / 173.7178 = 2.01476, g(φ) = 1/√(1 + 3φ²/π²) = 0.66906, E = 1/2 (equal ratings),
        // v = 1/(g²·E·(1−E)) = 8.93547, Δ = v·g·(1 − E) = 2.98923. Δ² < φ² + v, so σ' stays ≈ 0.06;
        // φ* = √(φ² + σ'²) = 2.01565, φ' = 1/√(1/φ*² + 1/v) = 1.67122, μ' = φ'²·g·(1 − E) = 0.93432,
        // so r' = 1500 + 173.7178·μ' = 1662.31 and RD' = 173.7178·φ' = 290.32.
        var won = Glicko2.Rate(NewPlayer, [(NewPlayer, 1)], 0.5);
        var lost = Glicko2.Rate(NewPlayer, [(NewPlayer, 0)], 0.5);

        Assert.Equal(1662.31, won.Rating, 0.01);
        Assert.Equal(290.32, won.Deviation, 0.01);
        Assert.Equal(0.06, won.Volatility, 0.0001);
        Assert.Equal(1337.69, lost.Rating, 0.01);
        Assert.Equal(won.Deviation, lost.Deviation, 1e-9);
    }

    [Fact]
    public void ADrawBetweenEqualsKeepsTheRatingAndNarrowsTheDeviation()
    {
        var drawn = Glicko2.Rate(NewPlayer, [(NewPlayer, 0.5)], 0.5);

        Assert.Equal(1500, drawn.Rating, 1e-9);
        Assert.Equal(290.32, drawn.Deviation, 0.01);
    }

    [Fact]
    public void AStrongPlayerLosingToAWeakerOneLosesRatingByTheFormulas()
    {
        // 1800/60 loses to 1500/50: E ≈ 0.84, so the loss costs about 17.6 points (worked with the same steps).
        var rated = Glicko2.Rate(new(1800, 60, 0.06), [(new(1500, 50, 0.06), 0)], 0.5);

        Assert.Equal(1782.43, rated.Rating, 0.01);
        Assert.Equal(60.43, rated.Deviation, 0.01);
    }

    [Fact]
    public void AnEmptyPeriodOnlyWidensTheDeviation()
    {
        var player = new Glicko2Rating(1500, 200, 0.06);

        var rated = Glicko2.Rate(player, [], 0.5);

        Assert.Equal(1500, rated.Rating);
        Assert.Equal(0.06, rated.Volatility);
        // √(φ² + σ²) on the Glicko-2 scale: √((200/173.7178)² + 0.06²) · 173.7178 = 200.27.
        Assert.Equal(200.27, rated.Deviation, 0.01);
    }

    [Fact]
    public void IdlePeriodsWidenTheDeviationButNeverBeyond350()
    {
        var settled = new Glicko2Rating(1700, 50, 0.06);

        var fourPeriods = Glicko2.AfterIdlePeriods(settled, 4);
        var forever = Glicko2.AfterIdlePeriods(settled, 100_000);

        Assert.Equal(54.17, fourPeriods.Deviation, 0.01);
        Assert.Equal(1700, fourPeriods.Rating);
        Assert.Equal(Glicko2.MaxDeviation, forever.Deviation);
    }

    public static TheoryData<double, double, double, double> Matchups => new()
    {
        { 1500, 350, 1500, 350 },
        { 1200, 80, 2200, 40 },
        { 2200, 40, 1200, 80 },
        { 1650, 120, 1640, 300 },
        { 900, 30, 2800, 350 },
        { 2800, 30, 900, 30 },
        { 1500, 60, 1900, 60 },
    };

    [Theory]
    [MemberData(nameof(Matchups))]
    public void AWinNeverLowersARatingAndALossNeverRaisesIt(
        double rating, double deviation, double opponentRating, double opponentDeviation)
    {
        var player = new Glicko2Rating(rating, deviation, 0.06);
        var opponent = new Glicko2Rating(opponentRating, opponentDeviation, 0.06);

        var won = Glicko2.Rate(player, [(opponent, 1)], 0.5);
        var lost = Glicko2.Rate(player, [(opponent, 0)], 0.5);

        Assert.True(won.Rating >= player.Rating, $"a win moved {player.Rating} to {won.Rating}");
        Assert.True(lost.Rating <= player.Rating, $"a loss moved {player.Rating} to {lost.Rating}");
    }

    public static TheoryData<double, double, double, double> FairMatchups => new()
    {
        { 1500, 350, 1500, 350 },
        { 1500, 350, 1850, 60 },
        { 1650, 120, 1640, 300 },
        { 1500, 150, 1900, 60 },
        { 2100, 100, 1800, 200 },
        { 1500, 80, 1500, 80 },
    };

    /// <summary>
    /// Against a comparable opponent the game's information outweighs one period's volatility, so the deviation
    /// shrinks. Two limits come straight from steps 5–7 and are why the matchups are chosen so: a 1000-point
    /// mismatch tells almost nothing (E(1 − E) ≈ 0) while a shock result raises σ', and with one game per period
    /// σ = 0.06 keeps a deviation from settling below about 55 (at RD 50 an even game adds less than σ² takes away).
    /// </summary>
    [Theory]
    [MemberData(nameof(FairMatchups))]
    public void TheDeviationShrinksAfterAGameBetweenComparablePlayers(double rating, double deviation, double opponentRating, double opponentDeviation)
    {
        var player = new Glicko2Rating(rating, deviation, 0.06);
        var opponent = new Glicko2Rating(opponentRating, opponentDeviation, 0.06);

        foreach (var score in new[] { 0, 0.5, 1 })
        {
            var rated = Glicko2.Rate(player, [(opponent, score)], 0.5);
            Assert.True(rated.Deviation < player.Deviation, $"score {score}: deviation {player.Deviation} -> {rated.Deviation}");
        }
    }

    [Fact]
    public void NonsenseInputIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Glicko2.Rate(NewPlayer, [(NewPlayer, 1.5)], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Glicko2.Rate(NewPlayer with { Deviation = 0 }, [(NewPlayer, 1)], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Glicko2.Rate(NewPlayer, [(NewPlayer, 1)], 0));
    }
}
