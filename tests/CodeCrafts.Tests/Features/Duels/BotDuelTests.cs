using System.Net.Http.Json;
using CodeCrafts.Api.Features.Duels;
using CodeCrafts.Api.Features.Questions;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Duels;

public sealed class BotDuelTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFullDuelAgainstABotIsScoredAndRatesOnlyTheHumanWithoutAwardingXp()
    {
        var player = await api.CreateAsync();
        var duel = await player.PlayBotAsync(botRating: 1500);
        var raw = await player.Client.GetStringAsync($"/api/duels/{duel.Id}", Ct);

        Assert.Equal(DuelStatus.Active, duel.Status);
        Assert.Equal(OpponentKind.Bot, duel.Opponent!.Kind);
        Assert.Equal(5, duel.Questions.Count);
        Assert.All(duel.Questions, q => Assert.Contains(q.Type, new[] { QuestionType.MultipleChoice, QuestionType.FillInTheBlank }));
        Assert.DoesNotContain("correctOptionIds", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("accepted", raw, StringComparison.OrdinalIgnoreCase);

        foreach (var q in duel.Questions)
        {
            api.Factory.Time.Advance(TimeSpan.FromSeconds(5));
            await player.AnswerAsync(api, duel, q.Position, correctly: true);
        }
        var row = await api.DuelRowAsync(duel.Id);
        var botDoneMs = row.Questions.Max(q => q.BotAnswerMs!.Value);
        api.Factory.Time.Advance(TimeSpan.FromMilliseconds(Math.Max(0, botDoneMs - 25_000) + 1));
        var finished = await player.GetAsync(duel.Id);

        var botScore = row.Questions.Count(q => q.BotCorrect == true && q.BotAnswerMs <= 300_000);
        var expected = botScore < 5 || botDoneMs > 25_000 ? DuelOutcome.ChallengerWon : DuelOutcome.OpponentWon;
        var score = expected == DuelOutcome.ChallengerWon ? 1.0 : 0.0;
        var expectedRating = Glicko2.Rate(Glicko2Rating.Initial, [(new Glicko2Rating(1500, 50, 0.06), score)], 0.5);
        var user = await api.UserAsync(player.Id);
        Assert.Equal(DuelStatus.Finished, finished.Status);
        Assert.Equal(expected, finished.Result!.Outcome);
        Assert.Equal(5, finished.Result.Challenger.Score);
        Assert.Equal(25_000, finished.Result.Challenger.TimeMs);
        Assert.Equal(botScore, finished.Result.Opponent.Score);
        Assert.Null(finished.Result.Opponent.RatingChange);
        Assert.Equal(expectedRating.Rating - 1500, finished.Result.Challenger.RatingChange!.Value, 1e-6);
        Assert.Equal(expectedRating.Rating, user.Rating, 1e-6);
        Assert.Equal(expectedRating.Deviation, user.RatingDeviation, 1e-6);
        Assert.Equal(0, user.Xp);
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var attempts = await db.QuestionAttempts.Where(a => a.UserId == player.Id).ToListAsync(Ct);
        Assert.Equal(5, attempts.Count);
        Assert.All(attempts, a => Assert.Equal((duel.Id, 0, 5_000), (a.DuelId!.Value, a.XpAwarded, a.TimeTakenMs)));
    }

    [Fact]
    public async Task TheBotsAnswersStayHiddenUntilTheDuelsClockPassesThem()
    {
        var player = await api.CreateAsync();
        var duel = await player.PlayBotAsync(botRating: 1500);
        var plan = (await api.DuelRowAsync(duel.Id)).Questions.OrderBy(q => q.Position).ToList();
        var first = plan[0].BotAnswerMs!.Value;

        api.Factory.Time.Advance(TimeSpan.FromMilliseconds(first - 1));
        var before = await player.GetAsync(duel.Id);
        api.Factory.Time.Advance(TimeSpan.FromMilliseconds(1));
        var after = await player.GetAsync(duel.Id);
        await api.SweepAsync();
        var cursor = (await api.DuelRowAsync(duel.Id)).NextBotAnswerAt;

        Assert.Equal(0, before.Opponent!.Answered);
        Assert.All(before.Questions, q => Assert.Null(q.Opponents));
        Assert.Equal(1, after.Opponent!.Answered);
        Assert.Equal(new DuelAnswerMark(plan[0].BotCorrect!.Value, first), after.Questions[0].Opponents);
        Assert.All(after.Questions.Skip(1), q => Assert.Null(q.Opponents));
        Assert.Equal(duel.StartedAt!.Value.AddMilliseconds(plan[1].BotAnswerMs!.Value), cursor);
    }

    [Fact]
    public async Task AtTheDeadlineUnansweredQuestionsCountAsWrongAndTheWholeDurationIsCharged()
    {
        var player = await api.CreateAsync();
        var duel = await player.PlayBotAsync(botRating: 1500);
        await player.AnswerAsync(api, duel, 1, correctly: true);
        await player.AnswerAsync(api, duel, 2, correctly: true);
        await player.AnswerAsync(api, duel, 3, correctly: false);

        api.Factory.Time.Advance(duel.Deadline!.Value - api.Factory.Time.GetUtcNow());
        await api.SweepAsync();
        var finished = await player.GetAsync(duel.Id);

        var row = await api.DuelRowAsync(duel.Id);
        var deadlineMs = (int)(duel.Deadline.Value - duel.StartedAt!.Value).TotalMilliseconds;
        Assert.Equal(DuelStatus.Finished, finished.Status);
        Assert.Equal(2, finished.Result!.Challenger.Score);
        Assert.Equal(deadlineMs, finished.Result.Challenger.TimeMs);
        Assert.Equal(row.Questions.Count(q => q.BotCorrect == true && q.BotAnswerMs <= deadlineMs), finished.Result.Opponent.Score);
        Assert.Equal(3, finished.Challenger.Answered);
    }

    [Fact]
    public async Task AnsweringSomeoneElsesDuelTwiceOrAfterTheDeadlineIsAClear4xx()
    {
        var player = await api.CreateAsync();
        var stranger = await api.CreateAsync();
        var duel = await player.PlayBotAsync(botRating: 1200);
        var answer = await DuelKit.AnswerForAsync(api, duel.Questions[0].QuestionId, correctly: true);

        var strangers = await stranger.PostAnswerAsync(duel.Id, 1, answer);
        var first = await player.PostAnswerAsync(duel.Id, 1, answer);
        var twice = await player.PostAnswerAsync(duel.Id, 1, answer);
        api.Factory.Time.Advance(duel.Deadline!.Value - api.Factory.Time.GetUtcNow() + TimeSpan.FromSeconds(1));
        var late = await player.PostAnswerAsync(duel.Id, 2, await DuelKit.AnswerForAsync(api, duel.Questions[1].QuestionId, correctly: true));

        Assert.Equal("Not your duel", (await DuelKit.ProblemAsync(strangers, System.Net.HttpStatusCode.Forbidden)).GetProperty("title").GetString());
        Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Already answered", (await DuelKit.ProblemAsync(twice, System.Net.HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("Deadline passed", (await DuelKit.ProblemAsync(late, System.Net.HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal(DuelStatus.Finished, (await api.DuelRowAsync(duel.Id)).Status);
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.Equal(1, await db.QuestionAttempts.CountAsync(a => a.DuelId == duel.Id, Ct));
    }

    [Fact]
    public async Task ADuelAnswerMovesTheQuestionsDifficultyByTheEloRule()
    {
        var player = await api.CreateAsync();
        var duel = await player.PlayBotAsync(botRating: 1500, questions: 3);
        var questionId = duel.Questions[0].QuestionId;
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var before = await db.Questions.Where(q => q.Id == questionId).Select(q => q.DifficultyRating).SingleAsync(Ct);

        await player.AnswerAsync(api, duel, 1, correctly: true);
        await api.RatingsAppliedAsync();

        var after = await db.Questions.Where(q => q.Id == questionId).Select(q => q.DifficultyRating).SingleAsync(Ct);
        Assert.Equal(before + QuestionRatings.Delta(before, 1500, correct: true, k: 8), after, 1e-9);
        Assert.True(after < before);
    }

    [Fact]
    public async Task BotStrengthCanBeChosenByLevelOrDefaultsToThePlayersRating()
    {
        var player = await api.CreateAsync();
        await api.SetRatingAsync(player.Id, 1725);

        var byLevel = await player.CreateAsync(new { opponent = "bot", language = "cpp", botLevel = 4 });
        var byDefault = await player.CreateAsync(new { opponent = "BOT", language = "cpp", questionCount = 3 });

        Assert.Equal(1600, byLevel.Opponent!.Rating);
        Assert.Equal(1725, byDefault.Opponent!.Rating);
        Assert.Equal(3, byDefault.Questions.Count);
        Assert.NotNull((await api.DuelRowAsync(byDefault.Id)).BotSeed);
    }

    [Fact]
    public async Task FourIdleWeeksWidenTheDeviationBeforeTheNextDuelIsRated()
    {
        var player = await api.CreateAsync();
        var lastRated = api.Factory.Time.GetUtcNow().AddDays(-29);
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            await db.Users.Where(u => u.Id == player.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.Rating, 1600).SetProperty(u => u.RatingDeviation, 60).SetProperty(u => u.RatedAt, lastRated), Ct);
        }
        var duel = await player.PlayBotAsync(botRating: 1600, questions: 3);
        foreach (var q in duel.Questions)
        {
            await player.AnswerAsync(api, duel, q.Position, correctly: false);
        }

        api.Factory.Time.Advance(TimeSpan.FromMinutes(3));
        var result = (await player.GetAsync(duel.Id)).Result!;

        var score = result.Outcome switch { DuelOutcome.ChallengerWon => 1.0, DuelOutcome.Draw => 0.5, _ => 0.0 };
        var bot = new Glicko2Rating(1600, 50, 0.06);
        var widened = Glicko2.AfterIdlePeriods(new Glicko2Rating(1600, 60, 0.06), 4);
        var expected = Glicko2.Rate(widened, [(bot, score)], 0.5);
        var withoutIdling = Glicko2.Rate(new Glicko2Rating(1600, 60, 0.06), [(bot, score)], 0.5);
        var user = await api.UserAsync(player.Id);
        Assert.Equal(expected.Deviation, user.RatingDeviation, 1e-6);
        Assert.Equal(expected.Rating, user.Rating, 1e-6);
        Assert.True(user.RatingDeviation > withoutIdling.Deviation + 1, $"{user.RatingDeviation} vs {withoutIdling.Deviation}");
        Assert.Equal(api.Factory.Time.GetUtcNow(), user.RatedAt);
    }
}
