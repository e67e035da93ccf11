using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Api.Features.Leaderboards;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeCrafts.Tests.AppHost;

/// <summary>Two Api replicas started by the real AppHost, each addressed directly: one product whichever answers.</summary>
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
        var (learners, duelId) = await SeedAsync((await app.GetConnectionStringAsync(ResourceNames.Postgres, ct))!);
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

        // Act 2: the challenger follows the duel on replica 0, the opponent on replica 1.
        var challengerEvents = Channel.CreateUnbounded<JsonElement>();
        var opponentEvents = Channel.CreateUnbounded<JsonElement>();
        await using var challenger = await FollowAsync(replicas[0], tokens[0], duelId, challengerEvents.Writer);
        await using var opponent = await FollowAsync(replicas[1], tokens[1], duelId, opponentEvents.Writer);
        var seenByChallenger = await challengerEvents.Reader.ReadAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(15), ct);
        await challenger.InvokeAsync("LeaveDuel", duelId, ct);
        await challenger.InvokeAsync("JoinDuel", duelId, ct);
        var seenByOpponent = await opponentEvents.Reader.ReadAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(15), ct);

        // Assert
        Assert.Equal(2, replicas.Distinct().Count());
        var expected = learners.OrderByDescending(l => l.Xp).Select(l => (l.Id, l.Xp)).ToArray();
        foreach (var board in fromPostgres.Concat(fromRedis))
        {
            Assert.Equal(expected, board.Entries.Select(e => (e.UserId, e.Score)));
            Assert.Equal(new LeaderboardStanding(3, learners[0].Xp), board.Me);
        }
        Assert.NotNull(await redis.GetDatabase().SortedSetScoreAsync("lb:xp:all", "#complete"));
        Assert.Equal(learners[1].Id, seenByChallenger.GetProperty("userId").GetGuid());
        Assert.Equal(learners[0].Id, seenByOpponent.GetProperty("userId").GetGuid());
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

    private static async Task<(List<User> Learners, Guid DuelId)> SeedAsync(string connectionString)
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
        var duel = new Duel
        {
            ChallengerId = learners[0].Id,
            OpponentId = learners[1].Id,
            OpponentKind = OpponentKind.User,
            Status = DuelStatus.Active,
            Language = ProgrammingLanguage.Python,
            QuestionCount = 5,
            CreatedAt = now,
        };
        db.Duels.Add(duel);
        await db.SaveChangesAsync();
        return (learners, duel.Id);
    }

    private static async Task<LeaderboardResponse> BoardAsync(string replica, string token)
    {
        using var client = new HttpClient { BaseAddress = new Uri(replica) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetFromJsonAsync<LeaderboardResponse>("/api/leaderboards/xp?period=all&limit=100", TestContext.Current.CancellationToken))!;
    }

    private static async Task<HubConnection> FollowAsync(string replica, string token, Guid duelId, ChannelWriter<JsonElement> events)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(replica), "/hubs/duels"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        connection.On<JsonElement>("PlayerConnected", e => events.TryWrite(e));
        await connection.StartAsync(TestContext.Current.CancellationToken);
        await connection.InvokeAsync("JoinDuel", duelId, TestContext.Current.CancellationToken);
        return connection;
    }
}
