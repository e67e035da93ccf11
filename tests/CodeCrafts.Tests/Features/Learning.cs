using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CodeCrafts.Api.Features.Progress;
using CodeCrafts.Api.Features.Questions;
using CodeCrafts.Data.Content;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features;

/// <summary>A seeded question with what a test needs to answer it right or wrong.</summary>
public sealed record SeededQuestion(Guid Id, Guid LessonId, string LessonSlug, QuestionType Type, int XpReward, AnswerKey Key, QuestionOptions? Options)
{
    /// <summary>What a first correct answer earns (README "XP rules"): a flashcard earns a small fixed amount.</summary>
    public int FirstXp => Type == QuestionType.Flashcard ? XpOptions.DefaultFlashcardXp : XpReward;
}

/// <summary>Answering questions through the real Api, as a learner would.</summary>
public static class Learning
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Every live question of the published curriculum, lesson by lesson, in order.</summary>
    public static async Task<IReadOnlyList<SeededQuestion>> QuestionsAsync(this ApiFixture api)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var rows = await db.Questions.AsNoTracking()
            .Where(q => q.Lesson!.IsPublished && !q.IsRetired)
            .OrderBy(q => q.Lesson!.Slug).ThenBy(q => q.Order)
            .Select(q => new { q.Id, q.LessonId, q.Lesson!.Slug, q.Type, q.XpReward, q.AnswerKeyJson, q.OptionsJson })
            .ToListAsync();
        return rows.Select(q => new SeededQuestion(q.Id, q.LessonId, q.Slug, q.Type, q.XpReward,
            ContentJson.Deserialize<AnswerKey>(q.AnswerKeyJson),
            q.OptionsJson is null ? null : ContentJson.Deserialize<QuestionOptions>(q.OptionsJson))).ToList();
    }

    public static async Task<IReadOnlyList<SeededQuestion>> GradableQuestionsAsync(this ApiFixture api) =>
        (await api.QuestionsAsync()).Where(q => q.Type != QuestionType.Code).ToList();

    public static AnswerSubmission Correct(SeededQuestion q) => q.Type switch
    {
        QuestionType.MultipleChoice => new AnswerSubmission { OptionIds = q.Key.CorrectOptionIds },
        QuestionType.FillInTheBlank => new AnswerSubmission { Blanks = q.Key.Blanks!.Select(b => b.Accepted[0]).ToList() },
        QuestionType.Flashcard => new AnswerSubmission { Rating = SelfRating.Good },
        _ => throw new ArgumentOutOfRangeException(nameof(q), q.Type, "code questions are not graded here"),
    };

    /// <summary>A right or wrong answer to a stored question (its key read from the row).</summary>
    public static AnswerSubmission AnswerFor(Question question, bool correctly)
    {
        var seeded = new SeededQuestion(question.Id, question.LessonId, "", question.Type, question.XpReward,
            ContentJson.Deserialize<AnswerKey>(question.AnswerKeyJson),
            question.OptionsJson is null ? null : ContentJson.Deserialize<QuestionOptions>(question.OptionsJson));
        return correctly ? Correct(seeded) : Wrong(seeded);
    }

    public static AnswerSubmission Wrong(SeededQuestion q) => q.Type switch
    {
        QuestionType.MultipleChoice => new AnswerSubmission { OptionIds = [q.Options!.Choices!.First(c => !q.Key.CorrectOptionIds!.Contains(c.Id)).Id] },
        QuestionType.FillInTheBlank => new AnswerSubmission { Blanks = q.Key.Blanks!.Select(_ => "definitely not it").ToList() },
        QuestionType.Flashcard => new AnswerSubmission { Rating = SelfRating.Again },
        _ => throw new ArgumentOutOfRangeException(nameof(q), q.Type, "code questions are not graded here"),
    };

    public static Task<HttpResponseMessage> PostAttemptAsync(this ApiFixture api, Guid userId, Guid questionId, object body) =>
        api.ClientFor(userId).PostAsJsonAsync($"/api/questions/{questionId}/attempts", body, Json, TestContext.Current.CancellationToken);

    public static Task<AttemptResult> AnswerAsync(this ApiFixture api, Guid userId, SeededQuestion question, bool correct = true, string? key = null) =>
        api.AnswerAsync(userId, question.Id, correct ? Correct(question) : Wrong(question), key: key);

    public static async Task<AttemptResult> AnswerAsync(
        this ApiFixture api, Guid userId, Guid questionId, AnswerSubmission answer, int timeTakenMs = 4200, string? key = null)
    {
        var response = await api.PostAttemptAsync(userId, questionId, new
        {
            answer,
            timeTakenMs,
            idempotencyKey = key ?? Guid.NewGuid().ToString("N"),
        });
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<AttemptResult>(body, Json)!;
    }

    /// <summary>
    /// As a client should under a burst: a 503 (the Api's connection pool stayed full past its wait on a busy machine) is
    /// retried after Retry-After with the same idempotency key, which must not award twice.
    /// </summary>
    public static async Task<AttemptResult> AnswerPatientlyAsync(this ApiFixture api, Guid userId, SeededQuestion question)
    {
        var body = new { answer = Correct(question), timeTakenMs = 4200, idempotencyKey = Guid.NewGuid().ToString("N") };
        for (var attempt = 1; ; attempt++)
        {
            var response = await api.PostAttemptAsync(userId, question.Id, body);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 20)
            {
                var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
                return JsonSerializer.Deserialize<AttemptResult>(text, Json)!;
            }
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }
    }

    public static async Task<T> GetAsync<T>(this ApiFixture api, Guid userId, string path)
    {
        var response = await api.ClientFor(userId).GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{path} → {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>Waits until every answer so far has moved its question's difficulty rating (the background writer's work).</summary>
    public static async Task RatingsAppliedAsync(this ApiFixture api)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await db.QuestionAttempts.AnyAsync(a => a.RatingPending, TestContext.Current.CancellationToken))
        {
            Assert.True(DateTime.UtcNow < deadline, "Question ratings were not applied within a minute.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Moves the fake clock forward to the next moment the learner's wall clock shows <paramref name="local"/>.</summary>
    public static DateTimeOffset MoveToLocalTime(this ApiFixture api, string timeZone, TimeOnly local, int extraDays = 0)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var now = api.Factory.Time.GetUtcNow();
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var target = new DateTimeOffset(DateOnly.FromDateTime(localNow.DateTime).ToDateTime(local), localNow.Offset);
        if (target <= now.AddMinutes(1))
        {
            target = target.AddDays(1);
        }
        target = target.AddDays(extraDays);
        api.Factory.Time.SetUtcNow(target.ToUniversalTime());
        return target;
    }

    /// <summary>The learner's local date right now.</summary>
    public static DateOnly LocalToday(this ApiFixture api, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(api.Factory.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
}
