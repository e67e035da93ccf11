using System.Collections.Concurrent;
using CodeCrafts.Api.Features.Duels;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CodeCrafts.Tests.Features.Duels;

/// <summary>Records what a live-delivery implementation of <see cref="IDuelEvents"/> would be asked to send.</summary>
internal sealed class RecordingDuelEvents : IDuelEvents
{
    public ConcurrentQueue<object> Events { get; } = new();

    public Task ChallengeReceivedAsync(ChallengeReceived e, CancellationToken cancellationToken) => Record(e);

    public Task DuelStartedAsync(DuelStarted e, CancellationToken cancellationToken) => Record(e);

    public Task OpponentAnsweredAsync(OpponentAnswered e, CancellationToken cancellationToken) => Record(e);

    public Task BotAnsweredAsync(BotAnswered e, CancellationToken cancellationToken) => Record(e);

    public Task DuelFinishedAsync(DuelFinished e, CancellationToken cancellationToken) => Record(e);

    public IReadOnlyList<T> Of<T>(Guid duelId) where T : class =>
        Events.OfType<T>().Where(e => (Guid)typeof(T).GetProperty("DuelId")!.GetValue(e)! == duelId).ToList();

    private Task Record(object e)
    {
        Events.Enqueue(e);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The Api with a recording <see cref="IDuelEvents"/>. Only this host runs over the fixture's database (the
/// fixture's own host is never started), so every event any sweep publishes is recorded here.
/// </summary>
public sealed class DuelEventsTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly RecordingDuelEvents _recorder = new();
    private WebApplicationFactory<CodeCrafts.Api.ApiAssembly> _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _host = api.Factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.RemoveAll<IDuelEvents>();
            s.AddSingleton<IDuelEvents>(_recorder);
        }));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task AUserDuelPublishesTheChallengeTheStartEachAnswerWithoutContentAndOneFinish()
    {
        var (alice, bob) = (await CreateUserAsync(), await CreateUserAsync());
        var challenge = await alice.ChallengeAsync(bob, questions: 3);
        var duel = await bob.AcceptAsync(challenge.Id);
        await alice.AnswerAsync(api, duel, 1, correctly: true);
        await bob.AnswerAsync(api, duel, 1, correctly: false);
        await alice.AnswerAsync(api, duel, 2, correctly: true);
        await bob.AnswerAsync(api, duel, 2, correctly: true);
        var last = await Task.WhenAll(
            alice.PostAnswerAsync(duel.Id, 3, await DuelKit.AnswerForAsync(api, duel.Questions[2].QuestionId, true)),
            bob.PostAnswerAsync(duel.Id, 3, await DuelKit.AnswerForAsync(api, duel.Questions[2].QuestionId, true)));

        Assert.All(last, r => Assert.True(r.IsSuccessStatusCode));
        Assert.Equal(bob.Id, Assert.Single(_recorder.Of<ChallengeReceived>(duel.Id)).OpponentId);
        Assert.Equal([alice.Id, bob.Id], Assert.Single(_recorder.Of<DuelStarted>(duel.Id)).Recipients);
        var answered = _recorder.Of<OpponentAnswered>(duel.Id);
        Assert.Equal(3, answered.Count(e => e.RecipientId == alice.Id));
        Assert.Equal(3, answered.Count(e => e.RecipientId == bob.Id));
        var finished = Assert.Single(_recorder.Of<DuelFinished>(duel.Id));
        Assert.Equal((DuelOutcome.ChallengerWon, alice.Id, 3, 2), (finished.Result.Outcome, finished.Result.WinnerId, finished.Result.Challenger.Score, finished.Result.Opponent.Score));
        Assert.NotNull(finished.Result.Challenger.RatingChange);
    }

    [Fact]
    public async Task EachBotAnswerIsAnnouncedOnceWhenItsTimeComesEvenWithSweepsRacing()
    {
        var player = await CreateUserAsync();
        var duel = await player.PlayBotAsync(botRating: 1500, questions: 3);
        var row = await api.DuelRowAsync(duel.Id);
        var firstAt = row.Questions.Min(q => q.BotAnswerMs!.Value);

        await Task.WhenAll(SweepAsync(), SweepAsync());
        var early = _recorder.Of<BotAnswered>(duel.Id).Count;
        api.Factory.Time.Advance(TimeSpan.FromMilliseconds(firstAt));
        await Task.WhenAll(SweepAsync(), SweepAsync());
        // The hosted sweeper races these sweeps; the one that claims an answer publishes it just after its commit.
        await EventuallyAsync(() => _recorder.Of<BotAnswered>(duel.Id).Count >= 1);
        var afterFirst = _recorder.Of<BotAnswered>(duel.Id).Select(e => e.Position).ToList();
        api.Factory.Time.Advance(TimeSpan.FromMinutes(3));
        await Task.WhenAll(SweepAsync(), SweepAsync(), SweepAsync());
        var expectedCount = row.Questions.Count(q => q.BotAnswerMs <= 180_000);
        await EventuallyAsync(() => _recorder.Of<BotAnswered>(duel.Id).Count >= expectedCount);

        Assert.Equal(0, early);
        Assert.Equal([1], afterFirst);
        // A bot answer planned after the deadline (possible on a slow draw) never happens, so it is never announced.
        var landed = row.Questions.Where(q => q.BotAnswerMs <= 180_000).OrderBy(q => q.Position).ToList();
        var all = _recorder.Of<BotAnswered>(duel.Id).OrderBy(e => e.Position).ToList();
        Assert.Equal(landed.Select(q => q.Position), all.Select(e => e.Position));
        Assert.Equal(landed.Select(q => q.BotCorrect!.Value), all.Select(e => e.IsCorrect));
        Assert.All(all, e => Assert.Equal(player.Id, e.RecipientId));
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private async Task SweepAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DuelSweeper>().RunOnceAsync(Ct);
    }

    private Task<TestUser> CreateUserAsync() => _host.CreateUserAsync(displayName: "Duelist");
}
