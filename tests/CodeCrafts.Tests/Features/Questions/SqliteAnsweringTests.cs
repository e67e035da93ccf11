using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Api.Features.Progress;
using CodeCrafts.Api.Features.Questions;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Questions;

/// <summary>The embedded fallback (SQLite, no Redis) runs the same learning loop.</summary>
public sealed class SqliteAnsweringTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ALearnerCanAnswerTwiceAndSeeXpProgressAndHistoryOnSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("codecrafts-sqlite-learning-").FullName;
        var url = $"sqlite:///{Path.Combine(folder, "codecrafts.db")}";
        var worker = await MigrationWorker.RunAsync(new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        Assert.True(worker.ExitCode == 0, worker.Output);
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>();
        var user = new User { Email = "s@example.test", NormalizedEmail = "s@example.test", PasswordHash = "!", DisplayName = "S", CreatedAt = api.Time.GetUtcNow(), UpdatedAt = api.Time.GetUtcNow() };
        db.Users.Add(user);
        await db.SaveChangesAsync(Ct);
        var question = await db.Questions.AsNoTracking().Where(q => q.Type == QuestionType.Flashcard).OrderBy(q => q.Id).FirstAsync(Ct);
        var client = api.ClientFor(user.Id, user.DisplayName);

        var first = await client.PostAsJsonAsync($"/api/questions/{question.Id}/attempts", new { answer = new { rating = "Good" }, timeTakenMs = 900, idempotencyKey = "one" }, Ct);
        var retry = await client.PostAsJsonAsync($"/api/questions/{question.Id}/attempts", new { answer = new { rating = "Good" }, timeTakenMs = 900, idempotencyKey = "one" }, Ct);
        var second = await client.PostAsJsonAsync($"/api/questions/{question.Id}/attempts", new { answer = new { rating = "Again" }, timeTakenMs = 900, idempotencyKey = "two" }, Ct);
        var history = await client.GetFromJsonAsync<JsonElement>("/api/questions/attempts", Ct);
        var progress = await client.GetFromJsonAsync<JsonElement>("/api/progress", Ct);
        var lessons = await client.GetAsync("/api/lessons", Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var result = (await first.Content.ReadFromJsonAsync<AttemptResult>(Learning.Json, Ct))!;
        Assert.Equal((true, XpOptions.DefaultFlashcardXp, 1), (result.Correct, result.XpGained, result.CurrentStreak));
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, history.GetProperty("total").GetInt64());
        Assert.Equal(2, progress.GetProperty("items")[0].GetProperty("attempts").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, progress.GetProperty("items")[0].GetProperty("nextReviewAt").ValueKind);
        Assert.Equal(HttpStatusCode.OK, lessons.StatusCode);
    }
}
