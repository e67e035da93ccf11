using System.Net.Http.Json;
using CodeCrafts.Api.Features.Memory;
using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Memory;

/// <summary>Global weights, fitted across all learners once there are enough reviews, for everyone without their own.</summary>
public sealed class GlobalMemoryFitTests(GlobalMemoryFixture api) : IClassFixture<GlobalMemoryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LearnersWithFewReviewsAreScheduledWithGlobalWeightsOnceEveryoneHasEnough()
    {
        var start = api.Factory.Time.GetUtcNow().AddDays(-400);
        // 7 learners of 300 reviews: 2,100 in all, none with enough for weights of their own.
        var learners = new List<TestUser>();
        for (var i = 0; i < 7; i++)
        {
            learners.Add(await api.LearnerWithLogAsync(SimulatedLearner.Reviews(SimulatedLearner.KnownWeights, items: 30, reviewsPerItem: 10, seed: 100 + i, start)));
        }
        var before = await learners[0].Client.GetFromJsonAsync<MemorySettings>("/api/users/me/memory", Learning.Json, Ct);

        var report = await api.FitTonightAsync();

        Assert.Equal(WeightsSource.Default, before!.Source);
        Assert.True(report.GlobalImproved);
        Assert.Equal(0, report.LearnersImproved);
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var run = await db.MemoryFitRuns.AsNoTracking().SingleAsync(r => r.Night == report.Night, Ct);
        Assert.Equal(2_100, run.GlobalReviewsUsed);
        Assert.True(run.GlobalLogLoss < run.GlobalPreviousLogLoss);
        var after = await learners[0].Client.GetFromJsonAsync<MemorySettings>("/api/users/me/memory", Learning.Json, Ct);
        Assert.Equal((WeightsSource.Global, run.GlobalLogLoss, 2_100), (after!.Source, after.LogLoss, after.ReviewsUsed));
        Assert.Equal(WeightsText.TryParse(run.GlobalWeights), after.Weights);
    }
}
