using System.Net.Http.Json;
using CodeCrafts.Api.Features.Questions;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CodeCrafts.Tests.Features.Questions;

/// <summary>
/// What one answer costs on the wire, counted by proxies in front of PostgreSQL and Redis (not timed): the answer's
/// transaction is three round trips (lock and read, every write, commit; the answers-per-learner limit is counted in
/// the read), and every cache and board is written in one Redis pipeline. The difficulty rating is applied off the request path, so its writer is stopped while counting.
/// </summary>
public sealed class RoundTripTests(ApiFixture shared) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAnswerCostsThreePostgresRoundTripsAndOneRedisRoundTrip()
    {
        // Arrange: an Api over the fixture's database and Redis, through counting proxies, warmed by a first answer
        // (connection pools, the catalogue, the confirmed user, Redis's script cache).
        await using var postgres = RoundTripCounter.Start(new NpgsqlConnectionStringBuilder(shared.DatabaseConnectionString).Port);
        await using var redis = RoundTripCounter.Start(shared.Redis.Port);
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:codecrafts"] = new NpgsqlConnectionStringBuilder(shared.DatabaseConnectionString) { Port = postgres.Port }.ConnectionString,
            ["ConnectionStrings:cache"] = $"127.0.0.1:{redis.Port},abortConnect=false",
        });
        var learner = await api.CreateUserAsync();
        var questions = await shared.GradableQuestionsAsync();
        await AnswerAsync(learner, questions[0]);
        foreach (var writer in api.Services.GetServices<IHostedService>().OfType<QuestionRatingWriter>())
        {
            await writer.StopAsync(Ct);
        }

        // Act
        postgres.Record();
        redis.Record();
        var result = await AnswerAsync(learner, questions[1]);
        var toPostgres = postgres.Stop();
        var toRedis = redis.Stop();

        // Assert
        Assert.True(result.XpGained > 0);
        Assert.True(toPostgres.Count == 3, Describe(toPostgres));
        Assert.Contains("FOR NO KEY UPDATE", toPostgres[0].Text, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO question_attempts", toPostgres[1].Text, StringComparison.Ordinal);
        Assert.Contains("COMMIT", toPostgres[2].Text, StringComparison.Ordinal);
        Assert.True(toRedis.Count == 1, Describe(toRedis));
    }

    private static async Task<AttemptResult> AnswerAsync(TestUser learner, SeededQuestion question)
    {
        var response = await learner.Client.PostAsJsonAsync($"/api/questions/{question.Id}/attempts",
            new { answer = Learning.Correct(question), timeTakenMs = 4000, idempotencyKey = Guid.NewGuid().ToString("N") }, Learning.Json, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AttemptResult>(Learning.Json, Ct))!;
    }

    private static string Describe(IReadOnlyList<Burst> bursts) =>
        $"{bursts.Count} round trips:\n" + string.Join("\n", bursts.Select(b => $"[{b.Connection}] {Printable(b.Text)}"));

    private static string Printable(string text)
    {
        var visible = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        return visible.Length > 300 ? visible[..300] + "…" : visible;
    }
}
