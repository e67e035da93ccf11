using System.Net.Http.Json;
using CodeCrafts.Api.Features.Progress;
using CodeCrafts.Api.Features.Questions;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CodeCrafts.Tests.Features.Streaks;

/// <summary>
/// An answer that uses freezes costs what any answer costs: the freeze is decided from the one read and stored in the
/// one write batch (three PostgreSQL round trips in all). And the embedded fallback (SQLite) keeps freezes the same way.
/// </summary>
public sealed class StreakFreezeWireTests(ApiFixture shared) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAnswerThatUsesTwoFreezesStillCostsThreePostgresRoundTrips()
    {
        await using var postgres = RoundTripCounter.Start(new NpgsqlConnectionStringBuilder(shared.DatabaseConnectionString).Port);
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:codecrafts"] = new NpgsqlConnectionStringBuilder(shared.DatabaseConnectionString) { Port = postgres.Port }.ConnectionString,
            ["ConnectionStrings:cache"] = shared.Redis.ConnectionString,
        });
        var learner = await api.CreateUserAsync();
        var questions = await shared.GradableQuestionsAsync();
        await AnswerAsync(learner, questions[0]); // warms pools and caches
        foreach (var writer in api.Services.GetServices<IHostedService>().OfType<QuestionRatingWriter>())
        {
            await writer.StopAsync(Ct);
        }
        var today = DateOnly.FromDateTime(api.Time.GetUtcNow().UtcDateTime);
        await HistoryAsync(api.Services, learner.Id, streak: 14, freezes: 2, lastActiveOn: today);
        api.Time.Advance(TimeSpan.FromDays(3)); // two whole days missed
        (await learner.Client.GetAsync("/api/users/me", Ct)).EnsureSuccessStatusCode(); // the sign-in check's cache, aged 3 days

        postgres.Record();
        var result = await AnswerAsync(learner, questions[1]);
        var bursts = postgres.Stop();
        // The moved clock also wakes background jobs (duel expiry, league settling): count the answer's own transaction.
        var toPostgres = Burst.AnswerTransaction(bursts);

        Assert.Equal(15, result.CurrentStreak);
        Assert.True(toPostgres.Count == 3, string.Join("\n", toPostgres.Select(b => b.Text.Length > 200 ? b.Text[..200] : b.Text)));
        Assert.Contains("StreakFreezes", toPostgres[0].Text, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO streak_frozen_days", toPostgres[1].Text, StringComparison.Ordinal);
        await using var db = TestDb.Open(shared.DatabaseConnectionString);
        Assert.Equal([today.AddDays(1), today.AddDays(2)],
            await db.StreakFrozenDays.Where(f => f.UserId == learner.Id).OrderBy(f => f.Day).Select(f => f.Day).ToListAsync(Ct));
    }

    [Fact]
    public async Task OnSqliteAMissedDayUsesAFreezeAndTheCalendarShowsIt()
    {
        var folder = Directory.CreateTempSubdirectory("codecrafts-sqlite-freezes-").FullName;
        var url = $"sqlite:///{Path.Combine(folder, "codecrafts.db")}";
        var worker = await MigrationWorker.RunAsync(new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        Assert.True(worker.ExitCode == 0, worker.Output);
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        var learner = await api.CreateUserAsync();
        var today = DateOnly.FromDateTime(api.Time.GetUtcNow().UtcDateTime);
        await HistoryAsync(api.Services, learner.Id, streak: 7, freezes: 1, lastActiveOn: today.AddDays(-2));
        using var scope = api.Services.CreateScope();
        var question = await scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>().Questions.AsNoTracking()
            .Where(q => q.Type == QuestionType.Flashcard).OrderBy(q => q.Id).FirstAsync(Ct);

        var during = await learner.Client.GetFromJsonAsync<UserStats>("/api/users/me/stats", Learning.Json, Ct);
        var answer = await learner.Client.PostAsJsonAsync($"/api/questions/{question.Id}/attempts",
            new { answer = new { rating = "Good" }, timeTakenMs = 900, idempotencyKey = "after-gap" }, Ct);
        var after = await learner.Client.GetFromJsonAsync<UserStats>("/api/users/me/stats", Learning.Json, Ct);

        Assert.Equal((7, 0, 1), (during!.CurrentStreak, during.StreakFreezes.Held, during.StreakFreezes.Used));
        answer.EnsureSuccessStatusCode();
        Assert.Equal((8, 0, 1), (after!.CurrentStreak, after.StreakFreezes.Held, after.StreakFreezes.Used));
        Assert.Equal([today.AddDays(-1)], after.Last30Days.Where(d => d.Frozen).Select(d => d.Day));
        var db = scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>();
        Assert.Equal(today.AddDays(-1), (await db.StreakFrozenDays.AsNoTracking().SingleAsync(f => f.UserId == learner.Id, Ct)).Day);
    }

    /// <summary>A streak history as earlier answers would have left it on the learner's row (UTC learner).</summary>
    private static async Task HistoryAsync(IServiceProvider services, Guid userId, int streak, int freezes, DateOnly lastActiveOn)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.CurrentStreak, streak).SetProperty(u => u.LongestStreak, streak)
            .SetProperty(u => u.LastActiveOn, lastActiveOn).SetProperty(u => u.LastActiveTimeZoneId, "Etc/UTC")
            .SetProperty(u => u.StreakFreezes, freezes), Ct);
    }

    private static async Task<AttemptResult> AnswerAsync(TestUser learner, SeededQuestion question)
    {
        var response = await learner.Client.PostAsJsonAsync($"/api/questions/{question.Id}/attempts",
            new { answer = Learning.Correct(question), timeTakenMs = 4000, idempotencyKey = Guid.NewGuid().ToString("N") }, Learning.Json, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AttemptResult>(Learning.Json, Ct))!;
    }
}
