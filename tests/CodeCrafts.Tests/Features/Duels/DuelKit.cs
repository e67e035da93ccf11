using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CodeCrafts.Api.Features.Duels;
using CodeCrafts.Api.Features.Questions;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Duels;

/// <summary>What duel tests do over and over: start duels, answer right or wrong, read the state back.</summary>
internal static class DuelKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<DuelView> CreateAsync(this TestUser user, object request)
    {
        var response = await user.Client.PostAsJsonAsync("/api/duels", request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DuelView>(Learning.Json, Ct))!;
    }

    public static Task<DuelView> PlayBotAsync(this TestUser user, double botRating, int questions = 5, string language = "python") =>
        user.CreateAsync(new { opponent = "bot", language, questionCount = questions, botRating });

    public static Task<DuelView> ChallengeAsync(this TestUser user, TestUser opponent, int questions = 5) =>
        user.CreateAsync(new { opponent = opponent.Id.ToString(), language = "python", questionCount = questions });

    public static async Task<DuelView> AcceptAsync(this TestUser user, Guid duelId)
    {
        var response = await user.Client.PostAsync($"/api/duels/{duelId}/accept", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DuelView>(Learning.Json, Ct))!;
    }

    public static async Task<DuelView> GetAsync(this TestUser user, Guid duelId)
    {
        var response = await user.Client.GetAsync($"/api/duels/{duelId}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DuelView>(Learning.Json, Ct))!;
    }

    public static Task<HttpResponseMessage> PostAnswerAsync(this TestUser user, Guid duelId, int position, AnswerSubmission answer) =>
        user.Client.PostAsJsonAsync($"/api/duels/{duelId}/answers", new { position, answer }, Learning.Json, Ct);

    /// <summary>Answers a question of the duel, right or wrong on purpose, using the key from the database.</summary>
    public static async Task<DuelAnswerResult> AnswerAsync(this TestUser user, ApiFixture api, DuelView duel, int position, bool correctly)
    {
        var answer = await AnswerForAsync(api, duel.Questions.Single(q => q.Position == position).QuestionId, correctly);
        var response = await user.PostAnswerAsync(duel.Id, position, answer);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<DuelAnswerResult>(Learning.Json, Ct))!;
    }

    public static async Task<AnswerSubmission> AnswerForAsync(ApiFixture api, Guid questionId, bool correctly)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        return await AnswerForAsync(db, questionId, correctly);
    }

    public static async Task<AnswerSubmission> AnswerForAsync(CodeCraftsDbContext db, Guid questionId, bool correctly) =>
        Learning.AnswerFor(await db.Questions.AsNoTracking().SingleAsync(q => q.Id == questionId, Ct), correctly);

    public static async Task SetRatingAsync(this ApiFixture api, Guid userId, double rating, double deviation = 350)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Rating, rating).SetProperty(u => u.RatingDeviation, deviation), Ct);
    }

    public static async Task<User> UserAsync(this ApiFixture api, Guid userId)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, Ct);
    }

    public static async Task<Duel> DuelRowAsync(this ApiFixture api, Guid duelId)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        return await db.Duels.AsNoTracking().Include(d => d.Questions).SingleAsync(d => d.Id == duelId, Ct);
    }

    /// <summary>One pass of the background service's work, run now rather than at its next tick.</summary>
    public static async Task<SweepReport> SweepAsync(this ApiFixture api)
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DuelSweeper>().RunOnceAsync(Ct);
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
