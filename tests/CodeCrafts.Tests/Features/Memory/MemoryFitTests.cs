using System.Net.Http.Json;
using CodeCrafts.Api.Features.Memory;
using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Memory;

/// <summary>The nightly fit on real PostgreSQL: who gets personal weights, when they are replaced, and by how many replicas.</summary>
public sealed class MemoryFitTests(MemoryFixture api) : IClassFixture<MemoryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTimeOffset LogStart => api.Factory.Time.GetUtcNow().AddDays(-400);

    [Fact]
    public async Task ALearnerWithEnoughReviewsGetsWeightsThatBeatTheDefaultsOnTheirHeldOutReviews()
    {
        var reviews = SimulatedLearner.Reviews(SimulatedLearner.KnownWeights, items: 80, reviewsPerItem: 10, seed: 11, LogStart);
        var learner = await api.LearnerWithLogAsync(reviews);

        var report = await api.FitTonightAsync();

        Assert.True(report.Ran);
        var memory = await api.MemoryAsync(learner.Id);
        Assert.NotNull(memory?.Weights);
        Assert.Equal(800, memory.ReviewsUsed);
        Assert.Equal(api.Factory.Time.GetUtcNow(), memory.FittedAt);
        Assert.True(memory.LogLoss < memory.PreviousLogLoss, $"new {memory.LogLoss} vs current {memory.PreviousLogLoss}");
        // The stored "previous" loss is the defaults' on the same held-out reviews, recomputed here independently.
        var defaults = FsrsOptimizer.LogLoss(SimulatedLearner.Histories(reviews, 0.2), Fsrs.DefaultWeights);
        Assert.Equal(defaults!.Value, memory.PreviousLogLoss!.Value, 6);
        var weights = WeightsText.TryParse(memory.Weights)!;
        Assert.All(weights.Select((w, i) => (w, i)), x => Assert.InRange(x.w, FsrsWeightBounds.Lower[x.i], FsrsWeightBounds.Upper[x.i]));

        var settings = await learner.Client.GetFromJsonAsync<MemorySettings>("/api/users/me/memory", Learning.Json, Ct);
        Assert.Equal(WeightsSource.Personal, settings!.Source);
        Assert.Equal(memory.LogLoss, settings.LogLoss);
        Assert.Equal(800, settings.ReviewsUsed);
        Assert.Equal(weights, settings.Weights);
    }

    [Fact]
    public async Task ABadLogNeverReplacesGoodWeights()
    {
        var reviews = SimulatedLearner.Reviews(SimulatedLearner.KnownWeights, items: 80, reviewsPerItem: 10, seed: 12, LogStart);
        var cutoff = reviews.OrderBy(r => r.At).ElementAt((int)Math.Ceiling(reviews.Count * 0.8)).At;
        var learner = await api.LearnerWithLogAsync(SimulatedLearner.Inverted(reviews, cutoff));
        await api.SetWeightsAsync(learner.Id, SimulatedLearner.KnownWeights);
        var before = await api.MemoryAsync(learner.Id);

        var report = await api.FitTonightAsync();

        Assert.True(report.Ran);
        var after = await api.MemoryAsync(learner.Id);
        Assert.Equal(before!.Weights, after!.Weights);
        Assert.Equal((before.FittedAt, before.LogLoss, before.ReviewsUsed), (after.FittedAt, after.LogLoss, after.ReviewsUsed));
        // It was looked at, and judged: not skipped for lack of data.
        Assert.Equal(api.Factory.Time.GetUtcNow(), after.CheckedAt);
    }

    [Fact]
    public async Task AShortLogNeverReplacesWeightsNorGetsItsOwn()
    {
        var reviews = SimulatedLearner.Reviews(Fsrs.DefaultWeights, items: 40, reviewsPerItem: 10, seed: 13, LogStart);
        var withWeights = await api.LearnerWithLogAsync(reviews.Take(399).ToList());
        await api.SetWeightsAsync(withWeights.Id, SimulatedLearner.KnownWeights);
        var before = await api.MemoryAsync(withWeights.Id);
        var without = await api.LearnerWithLogAsync(reviews.Take(399).ToList());

        await api.FitTonightAsync();

        var after = await api.MemoryAsync(withWeights.Id);
        Assert.Equal((before!.Weights, before.FittedAt, before.CheckedAt), (after!.Weights, after.FittedAt, after.CheckedAt));
        Assert.Null(await api.MemoryAsync(without.Id));
        var settings = await without.Client.GetFromJsonAsync<MemorySettings>("/api/users/me/memory", Learning.Json, Ct);
        Assert.Equal((WeightsSource.Default, 399, 400), (settings!.Source, settings.Reviews, settings.PersonalMinReviews));
    }

    [Fact]
    public async Task TwoReplicasFittingAtOnceFitOnce()
    {
        var reviews = SimulatedLearner.Reviews(SimulatedLearner.KnownWeights, items: 80, reviewsPerItem: 10, seed: 14, LogStart);
        var learner = await api.LearnerWithLogAsync(reviews);
        await using var replica = api.NewReplica();
        api.Factory.Time.Advance(TimeSpan.FromDays(1));
        replica.Time.SetUtcNow(api.Factory.Time.GetUtcNow());

        await using var first = api.Factory.Services.CreateAsyncScope();
        await using var second = replica.Services.CreateAsyncScope();
        var reports = await Task.WhenAll(
            Task.Run(() => first.ServiceProvider.GetRequiredService<MemoryFitter>().RunOnceAsync(Ct), Ct),
            Task.Run(() => second.ServiceProvider.GetRequiredService<MemoryFitter>().RunOnceAsync(Ct), Ct));

        Assert.Single(reports, r => r.Ran);
        Assert.Equal(1, reports.Sum(r => r.LearnersImproved));
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var run = await db.MemoryFitRuns.AsNoTracking().SingleAsync(r => r.Night == reports[0].Night, Ct);
        Assert.NotNull(run.CompletedAt);
        Assert.Equal(1, run.LearnersImproved);
        Assert.NotNull((await api.MemoryAsync(learner.Id))?.Weights);

        // Later the same night, nobody fits again.
        replica.Time.Advance(TimeSpan.FromHours(3));
        await using var third = replica.Services.CreateAsyncScope();
        Assert.False((await third.ServiceProvider.GetRequiredService<MemoryFitter>().RunOnceAsync(Ct)).Ran);
    }
}
