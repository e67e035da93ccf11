using CodeCrafts.Api.Features.Progress;

namespace CodeCrafts.Tests.Features.Progress;

public sealed class LevelCurveTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(99, 1)]
    [InlineData(100, 2)]
    [InlineData(299, 2)]
    [InlineData(300, 3)]
    [InlineData(600, 4)]
    [InlineData(999, 4)]
    [InlineData(1000, 5)]
    [InlineData(4500, 10)]
    [InlineData(495_000, 100)]
    public void LevelNStartsAtFiftyTimesNTimesNMinusOneXp(long xp, int level)
    {
        Assert.Equal(level, LevelCurve.LevelFor(xp));
    }

    [Fact]
    public void EveryLevelCostsOneHundredXpMoreThanThePrevious()
    {
        var costs = Enumerable.Range(1, 20).Select(n => LevelCurve.XpForLevel(n + 1) - LevelCurve.XpForLevel(n)).ToList();

        Assert.Equal(Enumerable.Range(1, 20).Select(n => 100L * n), costs);
    }
}
