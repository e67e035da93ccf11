using CodeCrafts.Api.Features.Duels;
using CodeCrafts.Api.Features.Questions;

namespace CodeCrafts.Tests.Features.Duels;

public sealed class DuelBotTests
{
    [Theory]
    [InlineData(1500, 1500)]
    [InlineData(1500, 1100)]
    [InlineData(1200, 1800)]
    [InlineData(2000, 1400)]
    public void OverManyQuestionsTheBotsAccuracyMatchesTheEloFormula(double botRating, double difficulty)
    {
        const int Duels = 2_000;
        const int PerDuel = 10;
        var questions = Enumerable.Repeat(new BotQuestion(difficulty, 30), PerDuel).ToList();

        // Deterministic seeds: the test always sees the same 20,000 answers, so it cannot flake.
        var correct = Enumerable.Range(1, Duels).Sum(seed => DuelBot.Plan(seed * 7919L, botRating, questions).Count(a => a.IsCorrect));

        var p = 1 / (1 + Math.Pow(10, (difficulty - botRating) / 400));
        var n = Duels * PerDuel;
        var sigma = Math.Sqrt(n * p * (1 - p));
        Assert.InRange(correct, (n * p) - (4 * sigma), (n * p) + (4 * sigma));
    }

    [Fact]
    public void TheBotIsRightMoreOftenOnEasierQuestions()
    {
        var mixed = Enumerable.Range(0, 10).Select(i => new BotQuestion(1000 + (i * 100), 30)).ToList();

        var byPosition = new int[10];
        for (var seed = 1; seed <= 3_000; seed++)
        {
            var plan = DuelBot.Plan(seed, 1450, mixed);
            for (var i = 0; i < 10; i++)
            {
                byPosition[i] += plan[i].IsCorrect ? 1 : 0;
            }
        }

        Assert.True(byPosition[0] > byPosition[4] && byPosition[4] > byPosition[9], string.Join(", ", byPosition));
    }

    [Fact]
    public void AStoredSeedReplaysTheSameAnswersAndTimes()
    {
        var questions = new[] { new BotQuestion(1300, 20), new BotQuestion(1500, 30), new BotQuestion(1700, 45) };

        var first = DuelBot.Plan(123456789, 1500, questions);
        var replay = DuelBot.Plan(123456789, 1500, questions);
        var other = DuelBot.Plan(987654321, 1500, questions);

        Assert.Equal(first, replay);
        Assert.NotEqual(first.Select(a => a.TimeTakenMs), other.Select(a => a.TimeTakenMs));
    }

    [Fact]
    public void AnswerTimesAreLogNormalAroundTheTypicalTimeAndAddUpOnTheDuelClock()
    {
        var questions = Enumerable.Repeat(new BotQuestion(1500, 30), 10).ToList();

        var plans = Enumerable.Range(1, 1_000).Select(seed => DuelBot.Plan(seed, 1500, questions)).ToList();
        var times = plans.SelectMany(p => p.Select(a => a.TimeTakenMs)).Order().ToList();

        var median = times[times.Count / 2];
        Assert.InRange(median, 28_500, 31_500);
        Assert.True(times[0] >= 7_500 && times[^1] <= 90_000, $"times range {times[0]}..{times[^1]}");
        // ln(time) has the configured spread: the middle two thirds lie within e^(±σ) of the median.
        var lowerSixth = times[times.Count / 6];
        Assert.InRange(lowerSixth / (double)median, Math.Exp(-DuelBot.TimeSigma) * 0.95, Math.Exp(-DuelBot.TimeSigma) * 1.05);
        Assert.All(plans, plan => Assert.Equal(plan.Sum(a => a.TimeTakenMs), plan[^1].AnsweredAtMs));
    }

    [Theory]
    [InlineData(1500, 1500, true, -4.0)]
    [InlineData(1500, 1500, false, 4.0)]
    [InlineData(1100, 1500, true, -0.727)]
    [InlineData(1100, 1500, false, 7.273)]
    public void AQuestionsDifficultyMovesByAnEloUpdateAgainstTheAnswerer(double question, double answerer, bool correct, double expectedDelta)
    {
        // P(correct) for a 1500 learner on an 1100 question is 1/(1 + 10^(−1)) = 0.909: a right answer is little news.
        Assert.Equal(expectedDelta, QuestionRatings.Delta(question, answerer, correct, k: 8), 0.001);
    }
}
