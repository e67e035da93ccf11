using System.Net.Http.Json;
using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Reviews;

/// <summary>The embedded (SQLite) mode schedules and lists reviews too: answers through the same pipeline, dates stored as numbers.</summary>
public sealed class EmbeddedReviewsTests
{
    [Fact]
    public async Task OnSqliteAnsweredQuestionsComeDueAndAreListed()
    {
        var ct = TestContext.Current.CancellationToken;
        var url = $"sqlite:///{Path.Combine(Directory.CreateTempSubdirectory("codecrafts-reviews-").FullName, "codecrafts.db")}";
        var worker = await MigrationWorker.RunAsync(new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        Assert.True(worker.ExitCode == 0, worker.Output);
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        var now = api.Time.GetUtcNow();
        Guid userId;
        List<Guid> cards;
        using (var scope = api.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>();
            var user = new User { Email = "sqlite@example.test", NormalizedEmail = "sqlite@example.test", PasswordHash = "!", DisplayName = "Lite", CreatedAt = now, UpdatedAt = now };
            db.Users.Add(user);
            await db.SaveChangesAsync(ct);
            userId = user.Id;
            cards = await db.Questions.Where(q => q.Lesson!.IsPublished && !q.IsRetired && q.Type == QuestionType.Flashcard)
                .OrderBy(q => q.Id).Select(q => q.Id).Take(3).ToListAsync(ct);
        }
        var client = api.ClientFor(userId, "Lite");
        foreach (var card in cards)
        {
            var answered = await client.PostAsJsonAsync($"/api/questions/{card}/attempts",
                new { answer = new { rating = "Easy" }, timeTakenMs = 1000, idempotencyKey = card.ToString("N") }, ct);
            answered.EnsureSuccessStatusCode();
        }

        var before = await client.GetFromJsonAsync<DueReviews>("/api/reviews/due", Learning.Json, ct);
        api.Time.Advance(TimeSpan.FromDays(40));
        var after = await client.GetFromJsonAsync<DueReviews>("/api/reviews/due", Learning.Json, ct);

        Assert.Equal(0, before!.Due.Total);
        Assert.NotNull(before.NextDueAt);
        Assert.Equal(3, after!.Due.Total);
        Assert.All(after.Due.Items, i => Assert.InRange(i.Retrievability, 0.01, 0.99));
    }
}
