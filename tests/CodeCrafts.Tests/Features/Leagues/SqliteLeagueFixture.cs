using System.Net.Http.Json;
using CodeCrafts.Api.Features.Questions;
using CodeCrafts.Data;
using CodeCrafts.Data.Content;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Leagues;

/// <summary>Embedded mode for the league tests: a SQLite file migrated and seeded by the real worker, the Api on it, no Redis.</summary>
public sealed class SqliteLeagueFixture : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ApiFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var folder = Directory.CreateTempSubdirectory("codecrafts-leagues-sqlite-").FullName;
        var url = $"sqlite:///{Path.Combine(folder, "codecrafts.db")}";
        var worker = await MigrationWorker.RunAsync(new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        Assert.True(worker.ExitCode == 0, worker.Output);
        Factory = new ApiFactory(new Dictionary<string, string?> { ["DATABASE_URL"] = url });
    }

    /// <summary>A scope's DbContext on the Api's own SQLite file.</summary>
    public async Task<T> QueryAsync<T>(Func<CodeCraftsDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>());
    }

    /// <summary>Live questions that are graded without the sandbox, as <see cref="Learning.GradableQuestionsAsync"/> on PostgreSQL.</summary>
    public async Task<IReadOnlyList<SeededQuestion>> GradableQuestionsAsync()
    {
        var rows = await QueryAsync(db => db.Questions.AsNoTracking()
            .Where(q => q.Lesson!.IsPublished && !q.IsRetired && q.Type != QuestionType.Code)
            .OrderBy(q => q.Lesson!.Slug).ThenBy(q => q.Order)
            .Select(q => new { q.Id, q.LessonId, q.Lesson!.Slug, q.Type, q.XpReward, q.AnswerKeyJson, q.OptionsJson })
            .ToListAsync(Ct));
        return rows.Select(q => new SeededQuestion(q.Id, q.LessonId, q.Slug, q.Type, q.XpReward,
            ContentJson.Deserialize<AnswerKey>(q.AnswerKeyJson),
            q.OptionsJson is null ? null : ContentJson.Deserialize<QuestionOptions>(q.OptionsJson))).ToList();
    }

    public static async Task<AttemptResult> AnswerAsync(TestUser learner, SeededQuestion question)
    {
        var response = await learner.Client.PostAsJsonAsync($"/api/questions/{question.Id}/attempts",
            new { answer = Learning.Correct(question), timeTakenMs = 4000, idempotencyKey = Guid.NewGuid().ToString("N") }, Learning.Json, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return (await response.Content.ReadFromJsonAsync<AttemptResult>(Learning.Json, Ct))!;
    }

    public static async Task<T> GetAsync<T>(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path} → {(int)response.StatusCode}: {body}");
        return (await response.Content.ReadFromJsonAsync<T>(Learning.Json, Ct))!;
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
