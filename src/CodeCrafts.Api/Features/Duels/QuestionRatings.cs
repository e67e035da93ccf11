using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>
/// Learns questions' difficulty from learners' outcomes, so bots (which answer by difficulty) get more realistic.
/// The rule is an Elo update of the question against the answerer: with expected success
/// P = 1 / (1 + 10^((D − R) / 400)) for question difficulty D and answerer rating R, a correct answer lowers D by
/// K·(1 − P) and a wrong one raises it by K·P (K = <see cref="DuelOptions.QuestionRatingK"/>, 8 by default: one answer
/// moves a question by at most 8 points, so it takes many learners to re-grade it).
/// </summary>
public sealed class QuestionRatings(IOptions<DuelOptions> options)
{
    /// <summary>How much the question's difficulty rating moves after this outcome.</summary>
    public static double Delta(double questionRating, double answererRating, bool correct, double k)
    {
        var expected = DuelBot.CorrectProbability(answererRating, questionRating);
        return k * (expected - (correct ? 1 : 0));
    }

    /// <summary>
    /// Applies one outcome. Call it inside the attempt's transaction (duels do; ordinary lesson attempts may too).
    /// The change is one <c>UPDATE … SET rating = rating + delta</c>, so concurrent answers never overwrite each other;
    /// the delta is computed from the rating the caller read, which is at most a few answers old.
    /// </summary>
    public async Task RecordAsync(CodeCraftsDbContext db, Guid questionId, double questionRating, double answererRating, bool correct, CancellationToken ct)
    {
        var delta = Delta(questionRating, answererRating, correct, options.Value.QuestionRatingK);
        if (delta == 0)
        {
            return;
        }
        await db.Questions
            .Where(q => q.Id == questionId)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.DifficultyRating, q => q.DifficultyRating + delta), ct);
    }
}
