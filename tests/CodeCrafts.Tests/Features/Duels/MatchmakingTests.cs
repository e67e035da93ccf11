using System.Net;
using System.Net.Http.Json;
using CodeCrafts.Api.Features.Duels;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using StackExchange.Redis;

namespace CodeCrafts.Tests.Features.Duels;

// Each test plays in its own rating band (more than the widest window apart), so entries left by one test
// can never be paired with another test's players.
public sealed class MatchmakingTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoPlayersInRangeArePairedIntoOneDuelThroughTheSharedRedisQueue()
    {
        var (alice, bob) = (await api.CreateAsync(), await api.CreateAsync());
        await api.SetRatingAsync(alice.Id, 1500);
        await api.SetRatingAsync(bob.Id, 1560);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(api.Redis.ConnectionString);
        var queue = redis.GetDatabase();

        var entry = await alice.CreateAsync(new { opponent = "matchmaking", language = "python" });
        var queued = await queue.SortedSetRangeByRankWithScoresAsync("duels:matchmaking:python");
        var paired = await bob.CreateAsync(new { opponent = "matchmaking", language = "python" });
        var alicesView = await alice.GetAsync(entry.Id);

        Assert.Equal(DuelStatus.Pending, entry.Status);
        Assert.Null(entry.Opponent);
        Assert.Contains(queued, m => m.Element.ToString().StartsWith($"{entry.Id:N}|", StringComparison.Ordinal) && m.Score == 1500);
        Assert.Equal((entry.Id, DuelStatus.Active), (paired.Id, paired.Status));
        Assert.Equal((alice.Id, bob.Id), (paired.Challenger.UserId, paired.Opponent!.UserId));
        Assert.Equal(paired.Questions.Select(q => q.QuestionId), alicesView.Questions.Select(q => q.QuestionId));
        var left = await queue.SortedSetRangeByRankAsync("duels:matchmaking:python");
        Assert.DoesNotContain(left, m => m.ToString().StartsWith($"{entry.Id:N}|", StringComparison.Ordinal));
        Assert.DoesNotContain(left, m => m.ToString().Contains($"|{bob.Id:N}|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePairingWindowWidensWhilePlayersWait()
    {
        var (carol, dave) = (await api.CreateAsync(), await api.CreateAsync());
        await api.SetRatingAsync(carol.Id, 700);
        await api.SetRatingAsync(dave.Id, 950);

        var carolsEntry = await carol.CreateAsync(new { opponent = "matchmaking", language = "python", questionCount = 4 });
        var davesEntry = await dave.CreateAsync(new { opponent = "matchmaking", language = "python" });
        api.Factory.Time.Advance(TimeSpan.FromSeconds(16));
        var davesDuel = await dave.GetAsync(davesEntry.Id);
        var carolsDuel = await carol.GetAsync(carolsEntry.Id);

        // 250 apart: out of the 100-point window at first, inside it after 15 s at 10 points a second.
        Assert.Equal(DuelStatus.Pending, davesEntry.Status);
        Assert.Equal((carolsEntry.Id, DuelStatus.Active, OpponentKind.User), (davesDuel.Id, davesDuel.Status, davesDuel.Opponent!.Kind));
        Assert.Equal(dave.Id, carolsDuel.Opponent!.UserId);
        Assert.Equal(4, carolsDuel.QuestionCount);
    }

    [Fact]
    public async Task WithNobodyInRangeThePlayerGetsABotAtTheirRatingAfterTheWait()
    {
        var erin = await api.CreateAsync();
        await api.SetRatingAsync(erin.Id, 2450);

        var entry = await erin.CreateAsync(new { opponent = "matchmaking", language = "cpp" });
        api.Factory.Time.Advance(TimeSpan.FromSeconds(29));
        var stillWaiting = await erin.GetAsync(entry.Id);
        api.Factory.Time.Advance(TimeSpan.FromSeconds(1));
        var duel = await erin.GetAsync(entry.Id);

        Assert.Equal(DuelStatus.Pending, stillWaiting.Status);
        Assert.Equal((entry.Id, DuelStatus.Active, OpponentKind.Bot), (duel.Id, duel.Status, duel.Opponent!.Kind));
        Assert.Equal(2450, duel.Opponent.Rating);
        var row = await api.DuelRowAsync(entry.Id);
        Assert.NotNull(row.BotSeed);
        Assert.All(row.Questions, q => Assert.NotNull(q.BotAnswerMs));
    }

    [Fact]
    public async Task APlayerWaitsInTheQueueOnceAndDecliningTheEntryLeavesIt()
    {
        var frank = await api.CreateAsync();
        await api.SetRatingAsync(frank.Id, 2900);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(api.Redis.ConnectionString);

        var entry = await frank.CreateAsync(new { opponent = "matchmaking", language = "python" });
        var again = await frank.Client.PostAsJsonAsync("/api/duels", new { opponent = "matchmaking", language = "python" }, Ct);
        var leave = await frank.Client.PostAsync($"/api/duels/{entry.Id}/decline", null, Ct);
        var members = await redis.GetDatabase().SortedSetRangeByScoreAsync("duels:matchmaking:python", 2800, 3000);

        var conflict = await DuelKit.ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(entry.Id.ToString(), conflict.GetProperty("duelId").GetString());
        Assert.Equal(HttpStatusCode.OK, leave.StatusCode);
        Assert.Equal(DuelStatus.Cancelled, (await api.DuelRowAsync(entry.Id)).Status);
        Assert.Empty(members);
    }
}

/// <summary>Its own class, with its own Redis to stop: the queue must keep working from PostgreSQL alone.</summary>
public sealed class MatchmakingWithoutRedisTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task WithRedisStoppedPlayersArePairedAndBotMatchedThroughPostgres()
    {
        var (alice, bob, carol) = (await api.CreateAsync(), await api.CreateAsync(), await api.CreateAsync());
        await api.SetRatingAsync(alice.Id, 1500);
        await api.SetRatingAsync(bob.Id, 1540);
        await api.SetRatingAsync(carol.Id, 2500);
        api.Redis.Stop();

        var entry = await alice.CreateAsync(new { opponent = "matchmaking", language = "python" });
        var paired = await bob.CreateAsync(new { opponent = "matchmaking", language = "python" });
        var lonely = await carol.CreateAsync(new { opponent = "matchmaking", language = "python" });
        api.Factory.Time.Advance(TimeSpan.FromSeconds(30));
        var botDuel = await carol.GetAsync(lonely.Id);

        Assert.Equal((entry.Id, DuelStatus.Active), (paired.Id, paired.Status));
        Assert.Equal((alice.Id, bob.Id), (paired.Challenger.UserId, paired.Opponent!.UserId));
        Assert.Equal(DuelStatus.Pending, lonely.Status);
        Assert.Equal((DuelStatus.Active, OpponentKind.Bot), (botDuel.Status, botDuel.Opponent!.Kind));
    }
}
