using System.Net.Http.Headers;
using System.Net.Http.Json;
using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Reviews;

/// <summary>The embedded (SQLite) mode schedules and lists reviews too: no advisory locks, dates stored as numbers.</summary>
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
        var client = api.CreateClient();
        var now = api.Time.GetUtcNow();
        Guid userId;
        using (var scope = api.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>();
            var user = new User { Email = "sqlite@example.test", NormalizedEmail = "sqlite@example.test", PasswordHash = "!", DisplayName = "Lite", CreatedAt = now, UpdatedAt = now };
            db.Users.Add(user);
            var questions = await db.Questions.Where(q => q.Lesson!.IsPublished && !q.IsRetired).OrderBy(q => q.Id).Take(3).ToListAsync(ct);
            var scheduler = scope.ServiceProvider.GetRequiredService<IReviewScheduler>();
            foreach (var question in questions)
            {
                await scheduler.RecordAsync(db, new ReviewInput(user.Id, question, true, 4, 1000), now, ct);
            }
            await db.SaveChangesAsync(ct);
            userId = user.Id;
        }
        void SignIn() => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", api.Services.GetRequiredService<AccessTokenIssuer>().Issue(userId, "Lite").Token);

        SignIn();
        var before = await client.GetFromJsonAsync<DueReviews>("/api/reviews/due", ReviewTestSupport.Json, ct);
        api.Time.Advance(TimeSpan.FromDays(40));
        SignIn();
        var after = await client.GetFromJsonAsync<DueReviews>("/api/reviews/due", ReviewTestSupport.Json, ct);

        Assert.Equal(0, before!.Due.Total);
        Assert.NotNull(before.NextDueAt);
        Assert.Equal(3, after!.Due.Total);
        Assert.All(after.Due.Items, i => Assert.InRange(i.Retrievability, 0.01, 0.99));
    }
}
