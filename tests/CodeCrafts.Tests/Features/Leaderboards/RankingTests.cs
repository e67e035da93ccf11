using CodeCrafts.Api.Features.Leaderboards;
using CodeCrafts.Tests.Infrastructure;

namespace CodeCrafts.Tests.Features.Leaderboards;

/// <summary>A board of its own (own database and Redis), so the expected order is the whole board.</summary>
public sealed class RankingTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task EveryLearnersRankAndScoreFollowTheAwardsWithTiesGoingToWhoeverGotThereFirst()
    {
        // Arrange: A, B and D end on 30 XP, reached in that order; F and G tie to the second, so their ids decide.
        var q = await api.QuestionIdsAsync(4);
        var (a, b, c, d, e, f, g) = (await api.CreateAsync(), await api.CreateAsync(), await api.CreateAsync(),
            await api.CreateAsync(), await api.CreateAsync(), await api.CreateAsync(), await api.CreateAsync());
        await api.AwardAsync(a.Id, 30, q[0]);
        await api.AwardAsync(b.Id, 10, q[0]);
        api.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        await api.AwardAsync(b.Id, 20, q[1]);
        await api.AwardAsync(c.Id, 50, q[0]);
        api.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        await api.AwardAsync(d.Id, 10, q[0]);
        await api.AwardAsync(d.Id, 20, q[1]);
        api.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        await api.AwardAsync(f.Id, 5, q[0]);
        await api.AwardAsync(g.Id, 5, q[0]);
        var sameSecond = new[] { f, g }.OrderByDescending(u => u.Id.ToString("N"), StringComparer.Ordinal).ToArray();
        TestUser[] expected = [c, a, b, d, sameSecond[0], sameSecond[1]];
        long[] scores = [50, 30, 30, 30, 5, 5];

        foreach (var period in new[] { "weekly", "all" })
        {
            // Act: the first read of a cold board comes from PostgreSQL, later ones from Redis; both must agree.
            var fromDatabase = await a.Client.GetBoardAsync("xp", period);
            using var redis = await api.Redis.ConnectAsync();
            await a.Client.WaitUntilCachedAsync(redis.GetDatabase(), "xp", period, KeyOf(fromDatabase));
            var standings = new Dictionary<Guid, LeaderboardStanding>();
            foreach (var user in new[] { a, b, c, d, e, f, g })
            {
                standings[user.Id] = (await user.Client.GetBoardAsync("xp", period, limit: 3)).Me;
            }
            var fromCache = await a.Client.GetBoardAsync("xp", period);

            // Assert
            foreach (var board in new[] { fromDatabase, fromCache })
            {
                Assert.Equal(expected.Select(u => u.Id), board.Entries.Select(x => x.UserId));
                Assert.Equal(scores, board.Entries.Select(x => x.Score));
                board.AssertRanked();
                Assert.Equal(6, board.Total);
            }
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(new LeaderboardStanding(i + 1, scores[i]), standings[expected[i].Id]);
            }
            Assert.Equal(new LeaderboardStanding(null, 0), standings[e.Id]);
        }
    }

    private static string KeyOf(LeaderboardResponse board) =>
        board.Week is { } week ? $"lb:{board.Board}:weekly:{week}" : $"lb:{board.Board}:all";
}
