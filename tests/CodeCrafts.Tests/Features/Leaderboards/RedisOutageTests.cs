using System.Net.Http.Json;
using System.Text.Json;
using CodeCrafts.Tests.Infrastructure;

namespace CodeCrafts.Tests.Features.Leaderboards;

public sealed class RedisOutageTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task WithRedisStoppedBoardsComeFromPostgresInTheSameOrderAndHealthSaysTheCacheIsDegraded()
    {
        // Arrange: ties included, so the fallback must reproduce the tie-break too.
        var q = await api.QuestionIdsAsync(2);
        var users = new List<TestUser>();
        for (var i = 0; i < 10; i++)
        {
            users.Add(await api.CreateAsync());
            await api.AwardAsync(users[i].Id, 10 * (i % 4), q[0]);
            api.Factory.Time.Advance(TimeSpan.FromSeconds(i % 2));
        }
        var reader = users[0].Client;
        using (var redis = await api.Redis.ConnectAsync())
        {
            await reader.WaitUntilCachedAsync(redis.GetDatabase(), "xp", "weekly", "lb:xp:weekly:2026-W25");
        }
        var cached = await reader.GetBoardAsync("xp", "weekly");

        try
        {
            // Act
            api.Redis.Stop();
            var health = await WaitForCacheStatusAsync("Degraded");
            var fromDatabase = await reader.GetBoardAsync("xp", "weekly");
            await api.AwardAsync(users[0].Id, 25, q[1]);
            var afterAward = await reader.GetBoardAsync("xp", "weekly");

            // Assert
            Assert.Equal("Degraded", health.GetProperty("checks").GetProperty("cache").GetProperty("status").GetString());
            Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
            Assert.Equal(cached.Entries, fromDatabase.Entries);
            Assert.Equal(cached.Me, fromDatabase.Me);
            Assert.Equal(cached.Total, fromDatabase.Total);
            Assert.Equal(25, afterAward.Scores()[users[0].Id]);
        }
        finally
        {
            await api.Redis.StartAgainAsync();
        }
    }

    private async Task<JsonElement> WaitForCacheStatusAsync(string status)
    {
        var client = api.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var report = await client.GetFromJsonAsync<JsonElement>("/health", TestContext.Current.CancellationToken);
            if (report.GetProperty("checks").GetProperty("cache").GetProperty("status").GetString() == status || DateTime.UtcNow > deadline)
            {
                return report;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
