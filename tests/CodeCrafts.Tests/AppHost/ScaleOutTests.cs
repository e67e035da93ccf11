using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Api.Features.Duels;
using CodeCrafts.Api.Features.Leaderboards;
using CodeCrafts.Tests.Features;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Features.Duels;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeCrafts.Tests.AppHost;

/// <summary>
/// Two Api replicas started by the real AppHost, each addressed directly: one product whichever answers, and a duel
/// whose players sit on different replicas.
/// </summary>
public sealed class ScaleOutTests
{
    private const string SigningKey = "scale-out-test-signing-key-that-is-long-enough-0123456789";

    [Fact]
    public async Task TwoReplicasServeTheSameLeaderboardsAndCarryDuelEventsBetweenThem()
    {
        // Arrange: the graph with two Api replicas, and the address of each replica (not the shared proxy).
        var ct = TestContext.Current.CancellationToken;
        var builder = await AppHostRunner.CreateAsync("local", "CodeCrafts:ApiReplicas=2", $"Parameters:{ResourceNames.JwtSigningKey}={SigningKey}");
        await using var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(AppHostRunner.StartTimeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Api, timeout.Token);
        var replicas = await ReplicaUrlsAsync(app, timeout.Token);
        var issuer = new AccessTokenIssuer(Options.Create(new JwtOptions { SigningKey = SigningKey }), TimeProvider.System);
        var connectionString = (await app.GetConnectionStringAsync(ResourceNames.Postgres, ct))!;
        var learners = await SeedAsync(connectionString);
        var tokens = learners.Select(l => issuer.Issue(l.Id, l.DisplayName).Token).ToArray();

        // Act 1: each replica is asked for the board, until Redis holds the rebuilt board, then once more each.
        using var redis = await ConnectionMultiplexer.ConnectAsync((await app.GetConnectionStringAsync(ResourceNames.Cache, ct))!);
        var fromPostgres = await Task.WhenAll(replicas.Select(url => BoardAsync(url, tokens[0])));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await redis.GetDatabase().SortedSetScoreAsync("lb:xp:all", "#complete") is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, ct);
        }
        var fromRedis = await Task.WhenAll(replicas.Select(url => BoardAsync(url, tokens[0])));

        // Act 2: a whole duel across replicas. Each player's hub connection and HTTP calls stay on their own replica;
        // every event a player gets was raised on the other replica, so it crossed the Redis backplane.
        var challenger = learners[2];
        var opponent = learners[3];
        await using var challengerHub = await ConnectAsync(replicas[0], tokens[2]);
        await using var opponentHub = await ConnectAsync(replicas[1], tokens[3]);
        using var challengerApi = Client(replicas[0], tokens[2]);
        using var opponentApi = Client(replicas[1], tokens[3]);
        var created = await SendAsync<DuelView>(challengerApi, "/api/duels",
            new { opponent = opponent.Id.ToString(), language = "python", questionCount = 3 });
        await challengerHub.Connection.InvokeAsync("JoinDuel", created.Id, ct);
        var challenge = await opponentHub.NextAsync("ChallengeReceived");
        var duel = await SendAsync<DuelView>(opponentApi, $"/api/duels/{created.Id}/accept", null);
        await opponentHub.Connection.InvokeAsync("JoinDuel", duel.Id, ct);
        var joined = await challengerHub.NextAsync("OpponentJoined");
        await using (var db = TestDb.Open(connectionString))
        {
            foreach (var question in duel.Questions)
            {
                await SendAsync<DuelAnswerResult>(challengerApi, $"/api/duels/{duel.Id}/answers",
                    new { position = question.Position, answer = await DuelKit.AnswerForAsync(db, question.QuestionId, correctly: true) });
                await SendAsync<DuelAnswerResult>(opponentApi, $"/api/duels/{duel.Id}/answers",
                    new { position = question.Position, answer = await DuelKit.AnswerForAsync(db, question.QuestionId, correctly: false) });
            }
        }
        var toChallenger = await challengerHub.AllAsync("PlayerAnswered", e => e.GetProperty("recipientId").GetGuid() == challenger.Id, 3);
        var toOpponent = await opponentHub.AllAsync("PlayerAnswered", e => e.GetProperty("recipientId").GetGuid() == opponent.Id, 3);
        var finishedForChallenger = await challengerHub.NextAsync("DuelFinished");
        var finishedForOpponent = await opponentHub.NextAsync("DuelFinished");
        var duelsBoards = await Task.WhenAll(replicas.Select(url => BoardAsync(url, tokens[2], "duels")));
        double[] ratings;
        await using (var db = TestDb.Open(connectionString))
        {
            ratings = [.. await db.Users.Where(u => u.Id == challenger.Id || u.Id == opponent.Id)
                .OrderByDescending(u => u.Rating).Select(u => u.Rating).ToListAsync(ct)];
        }

        // Assert
        Assert.Equal(2, replicas.Distinct().Count());
        var expected = learners.OrderByDescending(l => l.Xp).Select(l => (l.Id, l.Xp)).ToArray();
        foreach (var board in fromPostgres.Concat(fromRedis))
        {
            Assert.Equal(expected, board.Entries.Select(e => (e.UserId, e.Score)));
            Assert.Equal(new LeaderboardStanding(3, learners[0].Xp), board.Me);
        }
        Assert.NotNull(await redis.GetDatabase().SortedSetScoreAsync("lb:xp:all", "#complete"));

        Assert.Equal(challenger.Id, challenge.GetProperty("challengerId").GetGuid());
        Assert.Equal(duel.Id, joined.GetProperty("duelId").GetGuid());
        Assert.Equal([1, 2, 3], toChallenger.Select(e => e.GetProperty("answeredCount").GetInt32()).Order());
        Assert.Equal([1, 2, 3], toOpponent.Select(e => e.GetProperty("answeredCount").GetInt32()).Order());
        Assert.All(toChallenger.Concat(toOpponent), e => Assert.False(e.TryGetProperty("isCorrect", out _), "an opponent's verdict stays hidden"));
        foreach (var finished in new[] { finishedForChallenger, finishedForOpponent })
        {
            var result = finished.GetProperty("result");
            Assert.Equal(challenger.Id, result.GetProperty("winnerId").GetGuid());
            Assert.True(result.GetProperty("challenger").GetProperty("ratingChange").GetDouble() > 0);
            Assert.True(result.GetProperty("opponent").GetProperty("ratingChange").GetDouble() < 0);
        }
        Assert.Equal(duelsBoards[0].Entries, duelsBoards[1].Entries);
        Assert.Equal([challenger.Id, opponent.Id], duelsBoards[0].Entries.Select(e => e.UserId));
        Assert.Equal(ratings.Select(r => (long)Math.Round(r, MidpointRounding.AwayFromZero)), duelsBoards[0].Entries.Select(e => e.Score));
    }

    /// <summary>Each replica's own address, from the ASPNETCORE_URLS the AppHost gave it.</summary>
    private static async Task<string[]> ReplicaUrlsAsync(DistributedApplication app, CancellationToken ct)
    {
        var urls = new Dictionary<string, string>();
        await foreach (var e in app.ResourceNotifications.WatchAsync(ct))
        {
            if (e.Resource.Name == ResourceNames.Api && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                && e.Snapshot.EnvironmentVariables.FirstOrDefault(v => v.Name == "ASPNETCORE_URLS")?.Value is { } url)
            {
                urls[e.ResourceId] = url.Split(';')[0];
                if (urls.Count == 2)
                {
                    return [.. urls.Values.Order(StringComparer.Ordinal)];
                }
            }
        }
        throw new InvalidOperationException("The replicas never became healthy");
    }

    private static async Task<List<User>> SeedAsync(string connectionString)
    {
        await using var db = TestDb.Open(connectionString);
        var now = DateTimeOffset.UtcNow;
        var learners = Enumerable.Range(0, 5).Select(i => new User
        {
            Email = $"replica-{i}-{Guid.NewGuid():N}@example.test",
            NormalizedEmail = $"replica-{i}-{Guid.NewGuid():N}@example.test",
            PasswordHash = "!",
            DisplayName = $"Replica learner {i}",
            Xp = new[] { 400, 900, 150, 650, 20 }[i],
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        db.Users.AddRange(learners);
        await db.SaveChangesAsync();
        return learners;
    }

    private static HttpClient Client(string replica, string token)
    {
        return new HttpClient(new SignedInHandler(() => token) { InnerHandler = new HttpClientHandler() }) { BaseAddress = new Uri(replica) };
    }

    private static async Task<LeaderboardResponse> BoardAsync(string replica, string token, string board = "xp")
    {
        using var client = Client(replica, token);
        return (await client.GetFromJsonAsync<LeaderboardResponse>($"/api/leaderboards/{board}?period=all&limit=100", Learning.Json, TestContext.Current.CancellationToken))!;
    }

    private static async Task<T> SendAsync<T>(HttpClient client, string path, object? body)
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await client.PostAsJsonAsync(path, body, Learning.Json, ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return (await response.Content.ReadFromJsonAsync<T>(Learning.Json, ct))!;
    }

    private static async Task<LiveDuel> ConnectAsync(string replica, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(replica), "/hubs/duels"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        var live = new LiveDuel(connection);
        foreach (var name in new[] { "ChallengeReceived", "OpponentJoined", "PlayerAnswered", "DuelFinished" })
        {
            connection.On<JsonElement>(name, e => live.Events.Writer.TryWrite((name, e)));
        }
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return live;
    }

    /// <summary>One player's hub connection and the events it received, in order.</summary>
    private sealed class LiveDuel(HubConnection connection) : IAsyncDisposable
    {
        private readonly List<(string Name, JsonElement Event)> _seen = [];

        public HubConnection Connection => connection;

        public Channel<(string Name, JsonElement Event)> Events { get; } = Channel.CreateUnbounded<(string, JsonElement)>();

        public async Task<JsonElement> NextAsync(string name) => (await AllAsync(name, _ => true, 1))[0];

        /// <summary>Waits (15 s at most) until <paramref name="count"/> events of that name matched.</summary>
        public async Task<List<JsonElement>> AllAsync(string name, Func<JsonElement, bool> match, int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            while (_seen.Count(e => e.Name == name && match(e.Event)) < count)
            {
                _seen.Add(await Events.Reader.ReadAsync(timeout.Token));
            }
            var found = _seen.Where(e => e.Name == name && match(e.Event)).Take(count).ToList();
            _seen.RemoveAll(found.Contains);
            return [.. found.Select(e => e.Event)];
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
