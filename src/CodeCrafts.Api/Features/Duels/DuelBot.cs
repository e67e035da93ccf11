using CodeCrafts.Api.Features.Questions;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>What the bot needs to know about a question: its Elo-scale difficulty and a typical human time.</summary>
public readonly record struct BotQuestion(double DifficultyRating, int TypicalSeconds);

/// <summary>The bot's planned answer: correct or not, and when on the duel's clock (ms after the start).</summary>
public readonly record struct BotAnswer(bool IsCorrect, int TimeTakenMs, int AnsweredAtMs);

/// <summary>
/// A skill-matched bot. Everything follows from (seed, rating, questions), so a stored seed replays a duel:
/// question i is answered correctly with probability 1 / (1 + 10^((D − R) / 400)) and takes a time drawn from a
/// log-normal whose median is the question's typical human time; the bot answers the questions in order.
/// </summary>
public static class DuelBot
{
    /// <summary>Spread of ln(time): about two thirds of answers land within ×0.7 … ×1.4 of the typical time.</summary>
    public const double TimeSigma = 0.35;

    public static double CorrectProbability(double botRating, double difficultyRating) =>
        QuestionRatings.ExpectedSuccess(botRating, difficultyRating);

    public static IReadOnlyList<BotAnswer> Plan(long seed, double botRating, IReadOnlyList<BotQuestion> questions)
    {
        var answers = new BotAnswer[questions.Count];
        var clock = 0;
        for (var i = 0; i < questions.Count; i++)
        {
            // One independent stream per position: a question's outcome does not depend on the others.
            var random = new SplitMix64(seed ^ ((i + 1) * unchecked((long)0x9E3779B97F4A7C15)));
            var question = questions[i];
            var correct = random.NextDouble() < CorrectProbability(botRating, question.DifficultyRating);
            var time = AnswerTimeMs(random, question.TypicalSeconds);
            clock += time;
            answers[i] = new BotAnswer(correct, time, clock);
        }
        return answers;
    }

    private static int AnswerTimeMs(SplitMix64 random, int typicalSeconds)
    {
        // Box–Muller: a standard normal from two uniforms (1 − u keeps the logarithm finite).
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        var z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        var typicalMs = Math.Max(1, typicalSeconds) * 1000.0;
        var ms = typicalMs * Math.Exp(TimeSigma * z);
        // Nobody reads a question in no time, and a bot that stalls is no fun to play.
        return (int)Math.Round(Math.Clamp(ms, typicalMs / 4, typicalMs * 3));
    }

    /// <summary>A tiny, fully specified generator: the same seed gives the same duel on every runtime version.</summary>
    private sealed class SplitMix64(long seed)
    {
        private ulong _state = unchecked((ulong)seed);

        public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

        private ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
