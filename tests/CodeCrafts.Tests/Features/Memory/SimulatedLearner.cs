using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Tests.Features.Memory;

/// <summary>
/// A learner whose memory IS FSRS-6 with known weights: each item is studied once, then reviewed at intervals drawn
/// log-uniformly between 1 and 60 days, and recalled with exactly the probability those weights give.
/// </summary>
internal static class SimulatedLearner
{
    /// <summary>Far from the defaults: first memories last a third as long, grow more slowly and fade on a steeper curve.</summary>
    public static IReadOnlyList<double> KnownWeights { get; } = Array.AsReadOnly(
        Fsrs.DefaultWeights.Select((w, i) => i switch { < 4 => w * 0.3, 8 => 1.2, 20 => 0.5, _ => w }).ToArray());

    public sealed record Review(int Item, double ElapsedDays, Rating Rating, DateTimeOffset At);

    public static List<Review> Reviews(IReadOnlyList<double> weights, int items, int reviewsPerItem, int seed, DateTimeOffset start)
    {
        var fsrs = new Fsrs(weights, 0.9);
        var random = new Random(seed);
        var reviews = new List<Review>();
        for (var item = 0; item < items; item++)
        {
            var at = start.AddMinutes(item);
            var state = fsrs.Initial(Rating.Good);
            reviews.Add(new Review(item, 0, Rating.Good, at));
            for (var n = 1; n < reviewsPerItem; n++)
            {
                var elapsed = Math.Max(1, Math.Round(Math.Exp(random.NextDouble() * Math.Log(60))));
                at = at.AddDays(elapsed);
                var p = fsrs.Retrievability(state, elapsed);
                var rating = random.NextDouble() >= p ? Rating.Again : p < 0.75 ? Rating.Hard : p > 0.97 ? Rating.Easy : Rating.Good;
                reviews.Add(new Review(item, elapsed, rating, at));
                state = fsrs.Next(state, elapsed, rating);
            }
        }
        return reviews;
    }

    /// <summary>The same reviews as the optimizer's histories, the newest <paramref name="heldOutShare"/> held out.</summary>
    public static List<FitReview[]> Histories(IReadOnlyList<Review> reviews, double heldOutShare)
    {
        var cutoff = reviews.OrderBy(r => r.At).ElementAt((int)Math.Ceiling(reviews.Count * (1 - heldOutShare))).At;
        return [.. reviews.GroupBy(r => r.Item).Select(g => g.OrderBy(r => r.At).Select(r => new FitReview(r.ElapsedDays, r.Rating, r.At >= cutoff)).ToArray())];
    }

    public static IEnumerable<ReviewLog> Logs(IReadOnlyList<Review> reviews, Guid userId, IReadOnlyList<Guid> questionIds) =>
        reviews.Select(r => new ReviewLog
        {
            UserId = userId,
            QuestionId = questionIds[r.Item],
            Rating = (int)r.Rating,
            StateBefore = r.ElapsedDays == 0 ? ReviewState.Learning : ReviewState.Review,
            ElapsedDays = r.ElapsedDays,
            ReviewedAt = r.At.ToUniversalTime(),
            Stability = 1,
            Difficulty = 5,
        });

    /// <summary>A log gone wrong: every review before the cutoff recorded with the opposite outcome.</summary>
    public static List<Review> Inverted(IReadOnlyList<Review> reviews, DateTimeOffset before) =>
        [.. reviews.Select(r => r.At >= before || r.ElapsedDays == 0 ? r : r with { Rating = r.Rating == Rating.Again ? Rating.Good : Rating.Again })];
}
