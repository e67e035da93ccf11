using CodeCrafts.Data.Entities;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Reviews;

/// <summary>What one review does to an item: its next state, memory, due time, and what the review log records.</summary>
public sealed record ReviewPlan(
    ReviewState State,
    int Step,
    MemoryState Memory,
    int Reps,
    int Lapses,
    DateTimeOffset DueAt,
    double ElapsedDays,
    double ScheduledDays);

/// <summary>
/// The scheduling rules on top of <see cref="Fsrs"/> (as py-fsrs and Anki apply them): a new item goes through the
/// learning steps, a lapsed one through the relearning steps, and only then gets whole-day intervals from FSRS,
/// rounded, at least 1 day, at most the maximum, and fuzzed (<see cref="ReviewFuzz"/>). Pure: no clock, no database.
/// </summary>
public sealed class ReviewPlanner(Fsrs fsrs, IOptions<ReviewOptions> options)
{
    private readonly ReviewOptions _options = options.Value;

    public Fsrs Fsrs { get; } = fsrs;

    /// <summary>
    /// The model one learner is scheduled with: their own weights, else the global ones, else the configured ones, at
    /// their desired retention (else the configured one). Stored weights that do not parse fall back, never fail an answer.
    /// </summary>
    public Fsrs FsrsFor(LearnerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var weights = WeightsText.TryParse(model.PersonalWeights) ?? WeightsText.TryParse(model.GlobalWeights);
        var retention = model.DesiredRetention is { } r and > 0 and < 1 ? r : _options.DesiredRetention;
        return weights is null && retention == Fsrs.DesiredRetention ? Fsrs : new Fsrs(weights ?? Fsrs.Weights, retention);
    }

    /// <param name="item">The learner's item before this review, or null the first time the question is answered.</param>
    /// <param name="fsrs">The learner's model (<see cref="FsrsFor"/>); the configured one when null.</param>
    public ReviewPlan Plan(ReviewItem? item, Rating rating, Guid userId, Guid questionId, DateTimeOffset now, Fsrs? fsrs = null)
    {
        var model = fsrs ?? Fsrs;
        if (item is null)
        {
            var first = new Progression(ReviewState.Learning, 0, model.Initial(rating), 1, 0, 0);
            return Step(model, first, _options.EffectiveLearningSteps, rating, userId, questionId, now);
        }

        var elapsed = Math.Max(0, (now - item.LastReviewAt).TotalDays);
        var memory = model.Next(new MemoryState(item.Stability, item.Difficulty), elapsed, rating);
        var next = new Progression(item.State, item.Step, memory, item.Reps + 1, item.Lapses, elapsed);
        return item.State switch
        {
            ReviewState.Learning => Step(model, next, _options.EffectiveLearningSteps, rating, userId, questionId, now),
            ReviewState.Relearning => Step(model, next, _options.EffectiveRelearningSteps, rating, userId, questionId, now),
            _ => Review(model, next, rating, userId, questionId, now),
        };
    }

    /// <summary>Whole days FSRS gives this memory before fuzz: the unfuzzed interval rounded into [1, maximum].</summary>
    public int IntervalDays(MemoryState memory) => IntervalDays(Fsrs, memory);

    private int IntervalDays(Fsrs fsrs, MemoryState memory) =>
        (int)Math.Clamp(Math.Round(fsrs.NextInterval(memory), MidpointRounding.AwayFromZero), 1, _options.MaximumIntervalDays);

    private ReviewPlan Review(Fsrs fsrs, Progression p, Rating rating, Guid userId, Guid questionId, DateTimeOffset now)
    {
        if (rating != Rating.Again)
        {
            return Graduate(fsrs, p, userId, questionId, now);
        }
        var lapsed = p with { Lapses = p.Lapses + 1 };
        var steps = _options.EffectiveRelearningSteps;
        return steps.Count == 0
            ? Graduate(fsrs, lapsed, userId, questionId, now)
            : Stay(lapsed with { State = ReviewState.Relearning, Step = 0 }, steps[0], now);
    }

    private ReviewPlan Step(Fsrs fsrs, Progression p, IReadOnlyList<TimeSpan> steps, Rating rating, Guid userId, Guid questionId, DateTimeOffset now)
    {
        // Also covers a step index left over from a configuration that had more steps.
        if (steps.Count == 0 || (p.Step >= steps.Count && rating != Rating.Again))
        {
            return Graduate(fsrs, p, userId, questionId, now);
        }
        return rating switch
        {
            Rating.Again => Stay(p with { Step = 0 }, steps[0], now),
            // Hard repeats the current step; on the first, halfway to the next (or 1.5× a lone step), as Anki does.
            Rating.Hard when p.Step == 0 => Stay(p, steps.Count == 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2, now),
            Rating.Hard => Stay(p, steps[p.Step], now),
            Rating.Good when p.Step + 1 < steps.Count => Stay(p with { Step = p.Step + 1 }, steps[p.Step + 1], now),
            _ => Graduate(fsrs, p, userId, questionId, now),
        };
    }

    private static ReviewPlan Stay(Progression p, TimeSpan delay, DateTimeOffset now) =>
        new(p.State, p.Step, p.Memory, p.Reps, p.Lapses, now + delay, p.ElapsedDays, delay.TotalDays);

    private ReviewPlan Graduate(Fsrs fsrs, Progression p, Guid userId, Guid questionId, DateTimeOffset now)
    {
        var days = IntervalDays(fsrs, p.Memory);
        if (_options.EnableFuzz)
        {
            days = ReviewFuzz.Apply(days, _options.MaximumIntervalDays, userId, questionId, p.Reps);
        }
        return new ReviewPlan(ReviewState.Review, 0, p.Memory, p.Reps, p.Lapses, now.AddDays(days), p.ElapsedDays, days);
    }

    private sealed record Progression(ReviewState State, int Step, MemoryState Memory, int Reps, int Lapses, double ElapsedDays);
}
