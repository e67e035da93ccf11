using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CodeCrafts.Api.Features.Duels;
using CodeCrafts.Api.Features.Questions;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Duels;

/// <summary>
/// Issue 15's exploit: start a strong bot duel, answer each duel question wrongly in practice to read its answer, then
/// answer the duel perfectly. Each step is now closed.
/// </summary>
public sealed class DuelIntegrityTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheRevealExploitYieldsNoAnswerAndNoPerfectDuel()
    {
        var player = await api.CreateAsync();

        // Step 1: a 2800 bot is out of reach for a 1500 player.
        var strong = await player.Client.PostAsJsonAsync("/api/duels", new { opponent = "bot", language = "python", botRating = 2800 }, Ct);
        var refused = await DuelKit.ProblemAsync(strong, HttpStatusCode.BadRequest);
        Assert.Contains("within 400", refused.GetProperty("errors").GetProperty("botRating")[0].GetString(), StringComparison.Ordinal);

        // The strongest bot allowed, then step 2: practice each duel question wrongly to read its answer.
        var duel = await player.PlayBotAsync(botRating: 1900, questions: 3);
        var learned = new Dictionary<int, AnswerSubmission>();
        foreach (var q in duel.Questions)
        {
            var wrong = await DuelKit.AnswerForAsync(api, q.QuestionId, correctly: false);
            var response = await api.PostAttemptAsync(player.Id, q.QuestionId, new { answer = wrong, timeTakenMs = 1000, idempotencyKey = Guid.NewGuid().ToString("N") });
            var raw = await response.Content.ReadAsStringAsync(Ct);
            var problem = await DuelKit.ProblemAsync(response, HttpStatusCode.Conflict);
            Assert.Equal("Question is part of your active duel", problem.GetProperty("title").GetString());
            Assert.Equal("question-in-active-duel", problem.GetProperty("rule").GetString());
            Assert.DoesNotContain("expectedAnswer", raw, StringComparison.OrdinalIgnoreCase);
            if (problem.TryGetProperty("expectedAnswer", out var revealed) && revealed.ValueKind == JsonValueKind.Array)
            {
                learned[q.Position] = q.Type == QuestionType.MultipleChoice
                    ? new AnswerSubmission { OptionIds = revealed.EnumerateArray().Select(e => e.GetString()!).ToList() }
                    : new AnswerSubmission { Blanks = revealed.EnumerateArray().Select(e => e.GetString()!).ToList() };
            }
        }

        // Nothing of the practice was written, and nothing else served the answers either.
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.False(await db.QuestionAttempts.AnyAsync(a => a.UserId == player.Id && a.DuelId == null, Ct));
        await AssertNoAnswerServedAsync(player, duel);

        // Step 3: the duel, answered with what practice revealed (nothing) and otherwise a guess that is wrong.
        foreach (var q in duel.Questions)
        {
            var answer = learned.GetValueOrDefault(q.Position) ?? await DuelKit.AnswerForAsync(api, q.QuestionId, correctly: false);
            Assert.Equal(HttpStatusCode.OK, (await player.PostAnswerAsync(duel.Id, q.Position, answer)).StatusCode);
        }
        api.Factory.Time.Advance(TimeSpan.FromMinutes(5));
        var finished = await player.GetAsync(duel.Id);
        Assert.Equal(DuelStatus.Finished, finished.Status);
        Assert.Empty(learned);
        Assert.Equal(0, finished.Result!.Challenger.Score);

        // Once the duel has finished, its questions are ordinary practice again.
        var after = await api.AnswerAsync(player.Id, duel.Questions[0].QuestionId, await DuelKit.AnswerForAsync(api, duel.Questions[0].QuestionId, correctly: false));
        Assert.NotNull(after.ExpectedAnswer);
    }

    [Fact]
    public async Task BothPlayersOfAnActiveDuelAreRefusedPracticeOnItsQuestionsEvenARetryOfAnEarlierAnswer()
    {
        var (challenger, opponent) = (await api.CreateAsync(), await api.CreateAsync());
        var pending = await challenger.ChallengeAsync(opponent, questions: 3);
        var duel = await opponent.AcceptAsync(pending.Id);
        var question = duel.Questions[0].QuestionId;
        var answer = await DuelKit.AnswerForAsync(api, question, correctly: false);

        foreach (var player in new[] { challenger, opponent })
        {
            var response = await api.PostAttemptAsync(player.Id, question, new { answer, timeTakenMs = 1000, idempotencyKey = Guid.NewGuid().ToString("N") });
            await DuelKit.ProblemAsync(response, HttpStatusCode.Conflict);
        }

        // Questions outside the duel stay open to practice.
        var other = (await api.GradableQuestionsAsync()).First(q => duel.Questions.All(d => d.QuestionId != q.Id) && q.Type == QuestionType.MultipleChoice);
        Assert.NotNull((await api.AnswerAsync(challenger.Id, other, correct: false)).ExpectedAnswer);
        await AssertNoAnswerServedAsync(challenger, duel);
    }

    [Fact]
    public async Task AStoredPracticeResultIsNotReplayedWhileItsQuestionIsInAnActiveDuel()
    {
        var player = await api.CreateAsync();
        var candidates = (await api.GradableQuestionsAsync()).Where(q => q.LessonSlug.StartsWith("python", StringComparison.Ordinal)
            && q.Type is QuestionType.MultipleChoice or QuestionType.FillInTheBlank).ToList();
        // Answer every duel-eligible question wrongly first, so whatever the duel picks has a stored reveal under a known key.
        var keys = new Dictionary<Guid, string>();
        foreach (var q in candidates)
        {
            keys[q.Id] = Guid.NewGuid().ToString("N");
            await api.AnswerAsync(player.Id, q, correct: false, key: keys[q.Id]);
        }
        var duel = await player.PlayBotAsync(botRating: 1500, questions: 3);
        var picked = candidates.Single(q => q.Id == duel.Questions[0].QuestionId);

        var retry = await api.PostAttemptAsync(player.Id, picked.Id, new { answer = Learning.Wrong(picked), timeTakenMs = 1000, idempotencyKey = keys[picked.Id] });

        var raw = await retry.Content.ReadAsStringAsync(Ct);
        await DuelKit.ProblemAsync(retry, HttpStatusCode.Conflict);
        Assert.DoesNotContain("expectedAnswer", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(1500, 1099, false)]
    [InlineData(1500, 1100, true)]
    [InlineData(1500, 1900, true)]
    [InlineData(1500, 1901, false)]
    [InlineData(2300, 2700, true)]
    [InlineData(2300, 1800, false)]
    public async Task ABotsRatingMustLieWithin400OfThePlayers(double playerRating, double botRating, bool allowed)
    {
        var player = await api.CreateAsync();
        await api.SetRatingAsync(player.Id, playerRating);

        var response = await player.Client.PostAsJsonAsync("/api/duels", new { opponent = "bot", language = "python", questionCount = 3, botRating }, Ct);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(botRating, (await response.Content.ReadFromJsonAsync<DuelView>(Learning.Json, Ct))!.Opponent!.Rating);
        }
        else
        {
            var problem = await DuelKit.ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Single(problem.GetProperty("errors").EnumerateObject(), e => e.Name == "botRating");
        }
    }

    [Theory]
    [InlineData(1500, 1, 1100)]
    [InlineData(1500, 3, 1400)]
    [InlineData(2300, 5, 1900)]
    public async Task ABotLevelOutsideTheBandIsMovedToTheNearestRatingInside(double playerRating, int botLevel, double expected)
    {
        var player = await api.CreateAsync();
        await api.SetRatingAsync(player.Id, playerRating);

        var duel = await player.CreateAsync(new { opponent = "bot", language = "python", questionCount = 3, botLevel });

        Assert.Equal(expected, duel.Opponent!.Rating);
    }

    /// <summary>The duel view, the lessons of its questions, the review queue and the history: none carries an answer key.</summary>
    private async Task AssertNoAnswerServedAsync(TestUser player, DuelView duel)
    {
        var pages = new List<string> { await player.Client.GetStringAsync($"/api/duels/{duel.Id}", Ct) };
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var ids = duel.Questions.Select(q => q.QuestionId).ToList();
        var lessons = await db.Questions.Where(q => ids.Contains(q.Id)).Select(q => q.LessonId).Distinct().ToListAsync(Ct);
        foreach (var lesson in lessons)
        {
            pages.Add(await player.Client.GetStringAsync($"/api/lessons/{lesson}", Ct));
        }
        pages.Add(await player.Client.GetStringAsync("/api/reviews/due", Ct));
        pages.Add(await player.Client.GetStringAsync("/api/questions/attempts", Ct));
        Assert.All(pages, page =>
        {
            Assert.DoesNotContain("expectedAnswer", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("correctOptionIds", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("\"accepted\"", page, StringComparison.OrdinalIgnoreCase);
        });
    }
}
