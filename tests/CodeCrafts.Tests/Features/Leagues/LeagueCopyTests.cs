using System.Net.Http.Json;
using CodeCrafts.Api.Features.Leagues;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace CodeCrafts.Tests.Features.Leagues;

/// <summary>
/// Each replica's copy of the league reads (LeagueLocalCache): a cohort read again costs no Redis round trip, and every
/// change published on the league channel, by an answer on any replica, reaches the next read at once.
/// </summary>
public sealed class LeagueCopyTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReadAgainIsServedFromTheCopyUntilAChangeToItsCohortIsPublished()
    {
        // A settlement would clear every copy (rightly) in the middle of this test: it is done before, and then stopped.
        await api.Factory.StopBackgroundSettlerAsync();
        var week = api.Factory.NextWeek();
        await api.Factory.SettleAsync();
        var users = await api.SeedCohortAsync(week, LeagueTier.Bronze, 0, 30, 20, 10);
        await WaitLiveAsync(api.Factory);
        var first = await ReadAsync(api.Factory, users[0]);
        Assert.Equal(users, first.Standings.Select(s => s.UserId));

        // Behind the Api's back (nothing published): the copy does not see it, which shows the read was served from it.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(api.Redis.ConnectionString);
        var set = LeagueRedis.Cohort(week, LeagueTier.Bronze, 0);
        var reached = new DateTimeOffset(week.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(2);
        await redis.GetDatabase().SortedSetAddAsync(set, LeagueRedis.Member(users[2]), LeagueScore.Encode(50, reached, week));
        Assert.Equal(users, (await ReadAsync(api.Factory, users[0])).Standings.Select(s => s.UserId));

        await redis.GetSubscriber().PublishAsync(LeagueRedis.Changes, "test-replica " + set.ToString());
        var changed = await ReadUntilAsync(api.Factory, users[0], r => r.Standings[0].UserId == users[2]);
        Assert.Equal([users[2], users[0], users[1]], changed.Standings.Select(s => s.UserId));
        Assert.Equal((2, 30L), (changed.Rank, changed.WeeklyXp));
        Assert.Equal(50, changed.Standings[0].WeeklyXp);
    }

    [Fact]
    public async Task AnAnswerOnOneReplicaReachesTheNextReadOnAnother()
    {
        api.Factory.NextWeek();
        await using var replica = new ApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:codecrafts"] = api.DatabaseConnectionString,
            ["ConnectionStrings:cache"] = api.Redis.ConnectionString,
        });
        replica.Time.SetUtcNow(api.Factory.Time.GetUtcNow());
        var questions = await api.GradableQuestionsAsync();
        var (reader, rival) = (await api.CreateAsync(), await api.CreateAsync());
        await WaitLiveAsync(api.Factory);
        await WaitLiveAsync(replica);

        // Unplaced, kept as such on the replica; the first answer, on the other one, places the learner.
        Assert.Equal(LeagueWords.Unplaced, (await ReadAsync(replica, reader.Id)).Status);
        await api.AnswerAsync(reader.Id, questions[0]);
        var placed = await ReadUntilAsync(replica, reader.Id, r => r.Status == LeagueWords.Placed);
        Assert.Equal((1, (long)questions[0].FirstXp), (placed.Rank, placed.WeeklyXp));

        await api.AnswerAsync(rival.Id, questions[0]);
        await api.AnswerAsync(rival.Id, questions[1]);
        var passed = await ReadUntilAsync(replica, reader.Id, r => r.Standings.Count == 2 && r.Standings[0].UserId == rival.Id);
        Assert.Equal((2, (long)(questions[0].FirstXp + questions[1].FirstXp)), (passed.Rank!.Value, passed.Standings[0].WeeklyXp));
        Assert.Single(passed.Standings, s => s.IsMe && s.UserId == reader.Id);
    }

    [Fact]
    public void AReadThatAChangeOvertookKeepsNothingAndACopyLastsItsLifetimeAtMost()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var cache = new LeagueLocalCache(Options.Create(new LeagueOptions { LocalCacheLifetime = TimeSpan.FromSeconds(5) }), clock);
        cache.SetLive(true);
        var view = new LeagueCurrentResponse("1970-W01", DateTimeOffset.UnixEpoch, LeagueWords.Placed, "Bronze", 0, null, 0, [], 7, null);

        var overtaken = cache.Mark("cohort", "learner");
        cache.Changed("cohort");
        cache.Store("cohort", overtaken, view);
        Assert.Null(cache.Find("cohort"));

        // A read that did not know its cohort yet is overtaken by any change at all.
        var blind = cache.Mark(null, "learner");
        cache.Changed("another cohort");
        cache.Store("cohort", blind, view);
        Assert.Null(cache.Find("cohort"));

        cache.Store("cohort", cache.Mark("cohort", "learner"), view);
        Assert.Same(view, cache.Find("cohort"));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(cache.Find("cohort"));

        cache.Store("cohort", cache.Mark("cohort", "learner"), view);
        cache.SetLive(false);
        Assert.Null(cache.Find("cohort"));
    }

    private static async Task WaitLiveAsync(ApiFactory host)
    {
        var cache = host.Services.GetRequiredService<LeagueLocalCache>();
        for (var i = 0; i < 200 && !cache.IsLive; i++)
        {
            await Task.Delay(50, Ct);
        }
        Assert.True(cache.IsLive, "the league channel's subscription never came up");
    }

    private static async Task<LeagueCurrentResponse> ReadAsync(ApiFactory host, Guid userId)
    {
        using var client = host.ClientFor(userId);
        return (await client.GetFromJsonAsync<LeagueCurrentResponse>("/api/leagues/current", Ct))!;
    }

    /// <summary>The published change crosses Redis to the reader's replica in well under a second; five bound the wait.</summary>
    private static async Task<LeagueCurrentResponse> ReadUntilAsync(ApiFactory host, Guid userId, Func<LeagueCurrentResponse, bool> seen)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var read = await ReadAsync(host, userId);
            if (seen(read) || DateTime.UtcNow > deadline)
            {
                return read;
            }
            await Task.Delay(20, Ct);
        }
    }
}
