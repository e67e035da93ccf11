using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CodeCrafts.Api.Features.Memory;
using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Features.Reviews;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Memory;

/// <summary>The learner's weights and desired retention at work: in the answer's schedule and through the API.</summary>
public sealed class MemorySchedulingTests(MemoryFixture api) : IClassFixture<MemoryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheNextReviewIsScheduledWithTheLearnersOwnWeightsAndRetention()
    {
        var learner = await api.Factory.CreateUserAsync();
        await api.SetWeightsAsync(learner.Id, SimulatedLearner.KnownWeights, retention: 0.8);
        var now = api.Factory.Time.GetUtcNow();
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var question = (await ReviewTestSupport.QuestionsAsync(db, ProgrammingLanguage.Python, 1))[0];
        db.ReviewItems.Add(ReviewTestSupport.Item(learner.Id, question, stability: 6, lastReviewAt: now.AddDays(-6), dueAt: now));
        await db.SaveChangesAsync(Ct);

        var response = await learner.Client.PostAsJsonAsync($"/api/questions/{question.Id}/attempts",
            new { answer = Learning.AnswerFor(question, correctly: true), timeTakenMs = 4000, idempotencyKey = Guid.NewGuid().ToString("N") }, Learning.Json, Ct);
        response.EnsureSuccessStatusCode();

        var log = await db.ReviewLogs.AsNoTracking().SingleAsync(l => l.UserId == learner.Id, Ct);
        var item = await db.ReviewItems.AsNoTracking().SingleAsync(i => i.UserId == learner.Id, Ct);
        var (days, stability) = Expected(new Fsrs(SimulatedLearner.KnownWeights, 0.8), (Rating)log.Rating);
        Assert.Equal(stability, item.Stability, 6);
        Assert.Equal(now.AddDays(days), item.DueAt);
        var (defaultDays, _) = Expected(new Fsrs(), (Rating)log.Rating);
        Assert.NotEqual(defaultDays, days);
    }

    [Fact]
    public async Task TheDueQueueShowsRecallWithTheLearnersOwnWeights()
    {
        var learner = await api.Factory.CreateUserAsync();
        await api.SetWeightsAsync(learner.Id, SimulatedLearner.KnownWeights);
        var now = api.Factory.Time.GetUtcNow();
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var questions = await ReviewTestSupport.QuestionsAsync(db, ProgrammingLanguage.Python, 2);
        // Recall falls with elapsed time over stability under any decay, so the order stays; the figures differ.
        db.ReviewItems.Add(ReviewTestSupport.Item(learner.Id, questions[0], stability: 2, lastReviewAt: now.AddDays(-6), dueAt: now.AddHours(-1)));
        db.ReviewItems.Add(ReviewTestSupport.Item(learner.Id, questions[1], stability: 10, lastReviewAt: now.AddDays(-80), dueAt: now.AddHours(-2)));
        await db.SaveChangesAsync(Ct);

        var due = await learner.Client.GetFromJsonAsync<DueReviews>("/api/reviews/due", Learning.Json, Ct);

        var personal = new Fsrs(SimulatedLearner.KnownWeights, 0.9);
        var expected = new[] { (questions[0].Id, 6.0, 2.0), (questions[1].Id, 80.0, 10.0) }
            .Select(x => (Id: x.Item1, Personal: personal.Retrievability(new MemoryState(x.Item3, 5), x.Item2),
                Default: new Fsrs().Retrievability(new MemoryState(x.Item3, 5), x.Item2)))
            .ToList();
        Assert.Equal(expected.OrderBy(e => e.Personal).Select(e => e.Id), due!.Due.Items.Select(r => r.QuestionId));
        foreach (var item in due.Due.Items)
        {
            var figures = expected.Single(e => e.Id == item.QuestionId);
            Assert.Equal(figures.Personal, item.Retrievability, 6);
            Assert.True(Math.Abs(figures.Default - item.Retrievability) > 0.03, $"{item.Retrievability} is the default weights' recall");
        }
    }

    [Fact]
    public async Task RetentionIsReadAndSetThroughTheApi()
    {
        var learner = await api.Factory.CreateUserAsync();

        var initial = await learner.Client.GetFromJsonAsync<MemorySettings>("/api/users/me/memory", Learning.Json, Ct);
        var patched = await learner.Client.PatchAsJsonAsync("/api/users/me/memory", new { desiredRetention = 0.85 }, Ct);
        var after = await learner.Client.GetFromJsonAsync<MemorySettings>("/api/users/me/memory", Learning.Json, Ct);

        Assert.Equal((WeightsSource.Default, 0.9, null), (initial!.Source, initial.DesiredRetention, initial.LogLoss));
        Assert.Equal(Fsrs.DefaultWeights, initial.Weights);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(0.85, (await patched.Content.ReadFromJsonAsync<MemorySettings>(Learning.Json, Ct))!.DesiredRetention);
        Assert.Equal(0.85, after!.DesiredRetention);
        Assert.Equal(0.85, (await api.MemoryAsync(learner.Id))!.DesiredRetention);
    }

    [Theory]
    [InlineData("{\"desiredRetention\":0.79}")]
    [InlineData("{\"desiredRetention\":0.975}")]
    [InlineData("{\"desiredRetention\":null}")]
    [InlineData("{}")]
    public async Task ARetentionOutOfRangeIsAProblemNamingTheFieldAndTheRange(string body)
    {
        var learner = await api.Factory.CreateUserAsync();

        var response = await learner.Client.PatchAsync("/api/users/me/memory",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var messages = problem.RootElement.GetProperty("errors").GetProperty("desiredRetention");
        if (body.Contains("0.", StringComparison.Ordinal))
        {
            Assert.Contains("0.80 and 0.97", messages[0].GetString(), StringComparison.Ordinal);
        }
        Assert.Null(await api.MemoryAsync(learner.Id));
    }

    [Fact]
    public async Task MemorySettingsNeedASignedInCaller()
    {
        using var anonymous = api.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/users/me/memory", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PatchAsJsonAsync("/api/users/me/memory", new { desiredRetention = 0.9 }, Ct)).StatusCode);
    }

    [Fact]
    public void ThePlannerPrefersPersonalWeightsThenGlobalThenTheConfiguredOnes()
    {
        var planner = new ReviewPlanner(new Fsrs(), Microsoft.Extensions.Options.Options.Create(new ReviewOptions()));
        var personal = WeightsText.Format(SimulatedLearner.KnownWeights);
        var global = WeightsText.Format(Fsrs.DefaultWeights.Select((w, i) => i == 20 ? 0.3 : w).ToList());

        Assert.Equal(SimulatedLearner.KnownWeights, planner.FsrsFor(new LearnerModel(personal, global, null)).Weights);
        Assert.Equal(0.3, planner.FsrsFor(new LearnerModel(null, global, null)).Weights[20]);
        Assert.Equal(0.3, planner.FsrsFor(new LearnerModel("not,weights", global, 0.95)).Weights[20]);
        Assert.Equal(0.95, planner.FsrsFor(new LearnerModel(null, null, 0.95)).DesiredRetention);
        Assert.Same(planner.Fsrs, planner.FsrsFor(LearnerModel.None));
    }

    private static (int Days, double Stability) Expected(Fsrs fsrs, Rating rating)
    {
        var memory = fsrs.Next(new MemoryState(6, 5), 6, rating);
        return ((int)Math.Clamp(Math.Round(fsrs.NextInterval(memory), MidpointRounding.AwayFromZero), 1, ReviewOptions.MaximumIntervalLimit), memory.Stability);
    }
}
