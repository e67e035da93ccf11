using CodeCrafts.Api.Features.Reviews;

namespace CodeCrafts.Tests.Features.Reviews;

public sealed class ReviewFuzzTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 2, 2)]
    [InlineData(3, 2, 4)]
    [InlineData(7, 5, 9)]
    [InlineData(20, 17, 23)]
    [InlineData(100, 93, 107)]
    [InlineData(1000, 948, 1052)]
    public void TheFuzzRangeIsTheDocumentedBound(int interval, int min, int max)
    {
        Assert.Equal((min, max), ReviewFuzz.Range(interval, 36500));
    }

    [Fact]
    public void FuzzNeverPassesTheMaximumInterval()
    {
        Assert.Equal((34673, 36500), ReviewFuzz.Range(36500, 36500));
        Assert.Equal((27, 30), ReviewFuzz.Range(30, 30));
    }

    [Fact]
    public void FuzzIsDeterministicStaysInRangeAndSpreadsQuestionsOut()
    {
        var user = Guid.NewGuid();
        foreach (var interval in new[] { 3, 7, 12, 20, 45, 100 })
        {
            var (min, max) = ReviewFuzz.Range(interval, 36500);
            var days = Enumerable.Range(0, 400).Select(_ => Guid.NewGuid())
                .Select(question => (question, days: ReviewFuzz.Apply(interval, 36500, user, question, 5)))
                .ToList();

            Assert.All(days, d => Assert.InRange(d.days, min, max));
            Assert.All(days, d => Assert.Equal(d.days, ReviewFuzz.Apply(interval, 36500, user, d.question, 5)));
            // Every day of the range is used: 400 draws over at most 15 days miss one with negligible probability.
            Assert.Equal(max - min + 1, days.Select(d => d.days).Distinct().Count());
        }
    }
}
