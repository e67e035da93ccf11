using System.ComponentModel.DataAnnotations;

namespace CodeCrafts.Api.Features.Questions;

/// <summary>Configuration section <c>QuestionRatings</c>.</summary>
public sealed class QuestionRatingOptions
{
    public const string Section = "QuestionRatings";

    /// <summary>K of the Elo update that moves a question's difficulty rating after each answer.</summary>
    [Range(0, 64)]
    public double K { get; set; } = 8;

    /// <summary>How often each replica looks for answers whose rating update was not applied (a replica stopped, or its queue was full).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Learns questions' difficulty from learners' outcomes, so duel bots (which answer by difficulty) get more realistic.
/// The rule is an Elo update of the question against the answerer: with expected success
/// P = 1 / (1 + 10^((D − R) / 400)) for question difficulty D and answerer rating R, a correct answer lowers D by
/// K·(1 − P) and a wrong one raises it by K·P (K = <see cref="QuestionRatingOptions.K"/>, 8 by default: one answer
/// moves a question by at most 8 points, so it takes many learners to re-grade it).
/// </summary>
public static class QuestionRatings
{
    /// <summary>The chance that an answerer of <paramref name="answererRating"/> gets a question of <paramref name="questionRating"/> right.</summary>
    public static double ExpectedSuccess(double answererRating, double questionRating) =>
        1 / (1 + Math.Pow(10, (questionRating - answererRating) / 400));

    /// <summary>How much the question's difficulty rating moves after this outcome.</summary>
    public static double Delta(double questionRating, double answererRating, bool correct, double k) =>
        k * (ExpectedSuccess(answererRating, questionRating) - (correct ? 1 : 0));
}
