using System.Net.Http.Headers;
using System.Net.Http.Json;
using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Api.Features.Leaderboards;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Leaderboards;

/// <summary>Embedded mode has no Redis at all: boards come from the SQLite database, in the same order.</summary>
public sealed class EmbeddedModeTests
{
    [Fact]
    public async Task WithoutRedisTheBoardsAreComputedFromSqlite()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var url = $"sqlite:///{Path.Combine(Directory.CreateTempSubdirectory("codecrafts-boards-").FullName, "codecrafts.db")}";
        var worker = await MigrationWorker.RunAsync(new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        Assert.True(worker.ExitCode == 0, worker.Output);
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        var now = api.Time.GetUtcNow();
        Guid[] ids;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>();
            var question = await db.Questions.Select(q => q.Id).FirstAsync(ct);
            var users = Enumerable.Range(0, 3).Select(i => new User
            {
                Email = $"sqlite-{i}@example.test",
                NormalizedEmail = $"sqlite-{i}@example.test",
                PasswordHash = "!",
                DisplayName = $"Sqlite {i}",
                Xp = 10 * (i + 1),
                CreatedAt = now,
                UpdatedAt = now,
            }).ToList();
            db.Users.AddRange(users);
            db.XpAwards.AddRange(users.Select((u, i) => new XpAward
            {
                UserId = u.Id, QuestionId = question, Day = DateOnly.FromDateTime(now.UtcDateTime), Xp = 10 * (i + 1), AwardedAt = now.AddSeconds(-i),
            }));
            await db.SaveChangesAsync(ct);
            ids = [.. users.Select(u => u.Id)];
        }
        var client = api.ClientFor(ids[0], "Sqlite 0");

        // Act
        var weekly = await client.GetFromJsonAsync<LeaderboardResponse>("/api/leaderboards/xp?period=weekly", ct);
        var all = await client.GetFromJsonAsync<LeaderboardResponse>("/api/leaderboards/xp?period=all", ct);

        // Assert
        foreach (var board in new[] { weekly!, all! })
        {
            Assert.Equal([ids[2], ids[1], ids[0]], board.Entries.Select(e => e.UserId));
            Assert.Equal([30L, 20, 10], board.Entries.Select(e => e.Score));
            Assert.Equal(new LeaderboardStanding(3, 10), board.Me);
        }
    }
}
