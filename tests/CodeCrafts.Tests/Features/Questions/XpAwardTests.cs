using System.Net;
using System.Text.Json;
using CodeCrafts.Api.Features.Progress;
using CodeCrafts.Api.Features.Questions;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Questions;

public sealed class XpAwardTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACorrectAnswerEarnsTheQuestionsXpAndRaisesTheTotal()
    {
        var user = await api.CreateAsync();
        var question = (await api.GradableQuestionsAsync())[0];

        var result = await api.AnswerAsync(user.Id, question);

        Assert.True(result.Correct);
        Assert.Equal(question.FirstXp, result.XpGained);
        Assert.Equal(question.FirstXp, result.TotalXp);
        Assert.Equal(question.FirstXp, result.TodayXp);
        Assert.Null(result.Explanation);
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.Equal(question.FirstXp, await db.Users.Where(u => u.Id == user.Id).Select(u => u.Xp).SingleAsync(Ct));
    }

    [Fact]
    public async Task AWrongAnswerEarnsNothingAndShowsTheExpectedAnswerWithTheExplanation()
    {
        var user = await api.CreateAsync();
        var question = (await api.GradableQuestionsAsync()).First(q => q.Type == Data.Entities.QuestionType.MultipleChoice);

        var result = await api.AnswerAsync(user.Id, question, correct: false);

        Assert.False(result.Correct);
        Assert.Equal(0, result.XpGained);
        Assert.Equal(0, result.TotalXp);
        Assert.Equal(question.Key.CorrectOptionIds, result.ExpectedAnswer);
        Assert.False(string.IsNullOrWhiteSpace(result.Explanation));
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.False(await db.XpAwards.AnyAsync(a => a.UserId == user.Id, Ct));
        Assert.Equal(1, await db.QuestionAttempts.CountAsync(a => a.UserId == user.Id && !a.IsCorrect, Ct));
    }

    [Fact]
    public async Task AQuestionAnsweredCorrectlyTwiceOnOneDayEarnsXpOnce()
    {
        var user = await api.CreateAsync();
        var question = (await api.GradableQuestionsAsync())[1];

        var first = await api.AnswerAsync(user.Id, question);
        var second = await api.AnswerAsync(user.Id, question);

        Assert.Equal(question.FirstXp, first.XpGained);
        Assert.Equal(0, second.XpGained);
        Assert.Equal(question.FirstXp, second.TotalXp);
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.Equal(2, await db.QuestionAttempts.CountAsync(a => a.UserId == user.Id, Ct));
        Assert.Equal(1, await db.XpAwards.CountAsync(a => a.UserId == user.Id, Ct));
    }

    [Fact]
    public async Task RepeatingAQuestionOnALaterDayEarnsTheReducedAmount()
    {
        var user = await api.CreateAsync();
        var question = (await api.GradableQuestionsAsync())[2];
        var first = await api.AnswerAsync(user.Id, question);

        api.MoveToLocalTime("Etc/UTC", new TimeOnly(9, 0));
        var nextDay = await api.AnswerAsync(user.Id, question);

        Assert.Equal(question.FirstXp, first.XpGained);
        Assert.Equal(XpRules.RepeatXp(question.FirstXp, 1), nextDay.XpGained);
        Assert.True(nextDay.XpGained < question.FirstXp);
        Assert.Equal(first.TotalXp + nextDay.XpGained, nextDay.TotalXp);
    }

    [Fact]
    public async Task RetryingWithTheSameIdempotencyKeyReturnsTheFirstResultAndAwardsNothingMore()
    {
        var user = await api.CreateAsync();
        var question = (await api.GradableQuestionsAsync())[3];
        var key = Guid.NewGuid().ToString("N");

        var first = await api.AnswerAsync(user.Id, question, key: key);
        var retry = await api.PostAttemptAsync(user.Id, question.Id, new { answer = Learning.Correct(question), timeTakenMs = 4200, idempotencyKey = key });
        var replayed = JsonSerializer.Deserialize<AttemptResult>(await retry.Content.ReadAsStringAsync(Ct), Learning.Json)!;

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(JsonSerializer.Serialize(first, Learning.Json), JsonSerializer.Serialize(replayed, Learning.Json));
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.Equal(1, await db.QuestionAttempts.CountAsync(a => a.UserId == user.Id, Ct));
        Assert.Equal(question.FirstXp, await db.Users.Where(u => u.Id == user.Id).Select(u => u.Xp).SingleAsync(Ct));
    }

    [Fact]
    public async Task ConcurrentRetriesWithOneKeyRecordOneAttemptAndAwardXpOnce()
    {
        var user = await api.CreateAsync();
        var question = (await api.GradableQuestionsAsync())[4];
        var body = new { answer = Learning.Correct(question), timeTakenMs = 4200, idempotencyKey = Guid.NewGuid().ToString("N") };

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => api.PostAttemptAsync(user.Id, question.Id, body)));
        var results = await Task.WhenAll(responses.Select(async r => JsonSerializer.Deserialize<AttemptResult>(await r.Content.ReadAsStringAsync(Ct), Learning.Json)!));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(results.Select(r => r.AttemptId).Distinct());
        Assert.All(results, r => Assert.Equal(question.FirstXp, r.XpGained));
        Assert.Equal(11, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.Equal(1, await db.QuestionAttempts.CountAsync(a => a.UserId == user.Id, Ct));
        Assert.Equal(question.FirstXp, await db.Users.Where(u => u.Id == user.Id).Select(u => u.Xp).SingleAsync(Ct));
    }

    [Fact]
    public async Task ReusingAnIdempotencyKeyForAnotherQuestionIsAConflict()
    {
        var user = await api.CreateAsync();
        var questions = await api.GradableQuestionsAsync();
        var key = Guid.NewGuid().ToString("N");
        await api.AnswerAsync(user.Id, questions[5], key: key);

        var response = await api.PostAttemptAsync(user.Id, questions[6].Id, new { answer = Learning.Correct(questions[6]), timeTakenMs = 1000, idempotencyKey = key });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TwoHundredConcurrentCorrectAnswersFromTwentyLearnersLoseNoXp()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => api.CreateAsync()));
        var questions = (await api.GradableQuestionsAsync()).Take(10).ToList();

        var results = await Task.WhenAll(users.SelectMany(u => questions.Select(q => (User: u, Question: q)))
            .Select(async pair => (pair.User.Id, Result: await api.AnswerPatientlyAsync(pair.User.Id, pair.Question))));

        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var ids = users.Select(u => u.Id).ToList();
        var stored = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Xp, Ct);
        var awarded = await db.XpAwards.Where(a => ids.Contains(a.UserId)).GroupBy(a => a.UserId)
            .Select(g => new { g.Key, Xp = g.Sum(a => a.Xp) }).ToDictionaryAsync(g => g.Key, g => (long)g.Xp, Ct);
        Assert.Equal(200, await db.QuestionAttempts.CountAsync(a => ids.Contains(a.UserId), Ct));
        Assert.All(users, u =>
        {
            Assert.Equal(questions.Sum(q => q.FirstXp), stored[u.Id]);
            Assert.Equal(awarded[u.Id], stored[u.Id]);
            Assert.Equal(stored[u.Id], results.Where(r => r.Id == u.Id).Sum(r => r.Result.XpGained));
        });
    }
}
