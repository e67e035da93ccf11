using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Api.Features.Duels;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Duels;

public sealed class DuelsHubTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AConnectionWithoutAnAccessTokenIsRefused()
    {
        await using var connection = Connect(token: null);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task TheAccessTokenIsAcceptedFromTheQueryStringOnHubPathsOnly()
    {
        var user = await api.CreateAsync();
        var token = TokenFor(user);
        var client = api.CreateClient();

        var hub = await client.PostAsync($"/hubs/duels/negotiate?negotiateVersion=1&access_token={token}", null, TestContext.Current.CancellationToken);
        var hubWithoutToken = await client.PostAsync("/hubs/duels/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);
        var api_ = await client.GetAsync($"/api/leaderboards/xp?access_token={token}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, hub.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, hubWithoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api_.StatusCode);
    }

    [Fact]
    public async Task APlayerCannotJoinTheGroupOfADuelTheyDoNotPlay()
    {
        var (challenger, opponent, stranger) = (await api.CreateAsync(), await api.CreateAsync(), await api.CreateAsync());
        var duel = await CreateDuelAsync(challenger.Id, opponent.Id);
        await using var connection = Connect(TokenFor(stranger));
        await connection.StartAsync(TestContext.Current.CancellationToken);

        var notTheirs = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("JoinDuel", duel, TestContext.Current.CancellationToken));
        var noSuchDuel = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("JoinDuel", Guid.NewGuid(), TestContext.Current.CancellationToken));

        Assert.Contains("only follow duels you play in", notTheirs.Message, StringComparison.Ordinal);
        Assert.Equal(notTheirs.Message, noSuchDuel.Message);
    }

    [Fact]
    public async Task PlayersReceiveTheEventsPublishedForTheirDuelAndNoOtherDuels()
    {
        // Arrange
        var (challenger, opponent, other, otherOpponent) = (await api.CreateAsync(), await api.CreateAsync(), await api.CreateAsync(), await api.CreateAsync());
        var duel = await CreateDuelAsync(challenger.Id, opponent.Id);
        var otherDuel = await CreateDuelAsync(other.Id, otherOpponent.Id);
        var events = Channel.CreateUnbounded<(string Name, JsonElement Payload)>();
        var strangerEvents = Channel.CreateUnbounded<(string Name, JsonElement Payload)>();
        await using var player = await JoinAsync(challenger, duel, events.Writer);
        await using var stranger = await JoinAsync(other, otherDuel, strangerEvents.Writer);
        var publisher = api.Factory.Services.GetRequiredService<DuelEvents>();

        // Act
        var now = api.Factory.Time.GetUtcNow();
        await publisher.DuelStartedAsync(new DuelStarted(duel, [challenger.Id, opponent.Id], OpponentKind.User, now, now.AddMinutes(5)), Ct);
        await publisher.OpponentAnsweredAsync(new OpponentAnswered(duel, challenger.Id, 2, 1), Ct);
        await publisher.BotAnsweredAsync(new BotAnswered(duel, challenger.Id, 3, true, now), Ct);
        await publisher.DuelFinishedAsync(new DuelFinished(duel, [challenger.Id, opponent.Id],
            new DuelResultView(DuelOutcome.ChallengerWon, challenger.Id, now, new DuelSideResult(3, 1000, 12.5), new DuelSideResult(1, 2000, -12.5))), Ct);
        var received = new List<(string Name, JsonElement Payload)>();
        for (var i = 0; i < 4; i++)
        {
            received.Add(await events.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        }
        await publisher.BotAnsweredAsync(new BotAnswered(otherDuel, other.Id, 1, false, now), Ct);
        var strangersOwn = await strangerEvents.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // Assert: in order, about this duel, and the answer itself is never part of the event.
        Assert.Equal(["OpponentJoined", "PlayerAnswered", "BotAnswered", "DuelFinished"], received.Select(e => e.Name));
        Assert.All(received, e => Assert.Equal(duel, e.Payload.GetProperty("duelId").GetGuid()));
        Assert.Equal(challenger.Id, received[1].Payload.GetProperty("recipientId").GetGuid());
        Assert.Equal(2, received[1].Payload.GetProperty("position").GetInt32());
        Assert.Equal(["duelId", "recipientId", "position", "answeredCount"], received[1].Payload.EnumerateObject().Select(p => p.Name));
        Assert.Equal(12.5, received[3].Payload.GetProperty("result").GetProperty("challenger").GetProperty("ratingChange").GetDouble());
        // The stranger got only the event of their own duel: the first thing in their channel is it.
        Assert.Equal(("BotAnswered", otherDuel), (strangersOwn.Name, strangersOwn.Payload.GetProperty("duelId").GetGuid()));
    }

    [Fact]
    public async Task AnOpponentOpeningTheDuelIsAnnouncedToThePlayerAlreadyThere()
    {
        var (challenger, opponent) = (await api.CreateAsync(), await api.CreateAsync());
        var duel = await CreateDuelAsync(challenger.Id, opponent.Id);
        var events = Channel.CreateUnbounded<(string Name, JsonElement Payload)>();
        await using var first = await JoinAsync(challenger, duel, events.Writer);

        await using var second = await JoinAsync(opponent, duel, Channel.CreateUnbounded<(string, JsonElement)>().Writer);
        var announced = await events.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal("PlayerConnected", announced.Name);
        Assert.Equal(opponent.Id, announced.Payload.GetProperty("userId").GetGuid());
    }

    [Fact]
    public async Task ABotsAnswersReachThePlayerOverTheHubAsItsClockPassesThemAndThenTheResult()
    {
        // Arrange: a real bot duel through the Api, its player following it on the hub.
        var player = await api.CreateAsync();
        var duel = await player.PlayBotAsync(botRating: 1500, questions: 3);
        var row = await api.DuelRowAsync(duel.Id);
        var planned = row.Questions.OrderBy(q => q.BotAnswerMs).ToList();
        var events = Channel.CreateUnbounded<(string Name, JsonElement Payload)>();
        await using var connection = await JoinAsync(player, duel.Id, events.Writer);

        // Act: the clock reaches the bot's first answer, then passes the deadline.
        await api.SweepAsync();
        api.Factory.Time.Advance(TimeSpan.FromMilliseconds(planned[0].BotAnswerMs!.Value));
        await api.SweepAsync();
        var first = await NextAsync(events, "BotAnswered");
        api.Factory.Time.Advance(TimeSpan.FromMinutes(10));
        await api.SweepAsync();
        var finished = await NextAsync(events, "DuelFinished");
        row = await api.DuelRowAsync(duel.Id);

        // Assert: the first planned answer came first and alone (the others were not due); then the duel's end.
        Assert.Equal(planned[0].Position, first.GetProperty("position").GetInt32());
        Assert.Equal(planned[0].BotCorrect, first.GetProperty("isCorrect").GetBoolean());
        Assert.Equal(player.Id, first.GetProperty("recipientId").GetGuid());
        Assert.Equal(DuelStatus.Finished, row.Status);
        Assert.Equal(duel.Id, finished.GetProperty("duelId").GetGuid());
        Assert.Equal(row.Outcome.ToString(), finished.GetProperty("result").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task TheWiredPublisherStillMarksEachEventOnTheCurrentTrace()
    {
        using var source = new ActivitySource("CodeCrafts.Tests.DuelTrace");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var now = api.Factory.Time.GetUtcNow();
        var duelId = Guid.NewGuid();

        using (var activity = source.StartActivity("request")!)
        {
            await api.Factory.Services.GetRequiredService<DuelEvents>()
                .DuelStartedAsync(new DuelStarted(duelId, [], OpponentKind.Bot, now, now.AddMinutes(3)), Ct);

            var traced = Assert.Single(activity.Events, e => e.Name == "duel.started");
            Assert.Equal(duelId.ToString(), traced.Tags.Single(t => t.Key == "duel.id").Value);
        }
    }

    [Fact]
    public void EveryObserverOfDuelEventsIsToldWhateverOrderTheFeaturesRegisteredThemIn()
    {
        var observers = api.Factory.Services.GetServices<IDuelEvents>().Select(o => o.GetType().Name).Order().ToList();

        // Live delivery (Duels) and the duel boards (Leaderboards) each add theirs; neither replaces the other.
        Assert.Equal(["DuelBoardObserver", "SignalRDuelEvents"], observers);
    }

    /// <summary>The next event of that name (10 s at most), skipping others such as the bot's later answers.</summary>
    private static async Task<JsonElement> NextAsync(Channel<(string Name, JsonElement Payload)> events, string name)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (true)
        {
            var next = await events.Reader.ReadAsync(timeout.Token);
            if (next.Name == name)
            {
                return next.Payload;
            }
        }
    }

    private async Task<HubConnection> JoinAsync(TestUser user, Guid duelId, ChannelWriter<(string Name, JsonElement Payload)> events)
    {
        var connection = Connect(TokenFor(user));
        foreach (var name in new[] { "OpponentJoined", "PlayerAnswered", "BotAnswered", "DuelFinished", "PlayerConnected" })
        {
            connection.On<JsonElement>(name, payload => events.TryWrite((name, payload)));
        }
        await connection.StartAsync(TestContext.Current.CancellationToken);
        await connection.InvokeAsync("JoinDuel", duelId, TestContext.Current.CancellationToken);
        return connection;
    }

    private HubConnection Connect(string? token) => HubClients.Connect(api.Factory, token);

    private string TokenFor(TestUser user) => HubClients.TokenFor(api.Factory, user.Id);

    private async Task<Guid> CreateDuelAsync(Guid challengerId, Guid opponentId)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var duel = new Duel
        {
            ChallengerId = challengerId,
            OpponentId = opponentId,
            OpponentKind = OpponentKind.User,
            Status = DuelStatus.Active,
            Language = ProgrammingLanguage.Python,
            QuestionCount = 5,
            CreatedAt = api.Factory.Time.GetUtcNow(),
        };
        db.Duels.Add(duel);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return duel.Id;
    }
}
