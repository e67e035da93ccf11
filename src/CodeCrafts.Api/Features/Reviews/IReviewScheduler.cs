using CodeCrafts.Data;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Api.Features.Reviews;

/// <summary>One answered question, as the spaced-repetition scheduler sees it.</summary>
/// <param name="SelfRating">Flashcards: the learner's own rating (1 Again … 4 Easy); null for other types.</param>
public sealed record ReviewInput(Guid UserId, Question Question, bool IsCorrect, int? SelfRating, int TimeTakenMs);

/// <summary>
/// Updates the learner's review item for a question after an attempt. Called inside the attempt's
/// transaction: the implementation adds or changes entities on <paramref name="db"/> and the caller saves.
/// Returns when the question is next due.
/// </summary>
public interface IReviewScheduler
{
    Task<DateTimeOffset> RecordAsync(CodeCraftsDbContext db, ReviewInput input, DateTimeOffset now, CancellationToken cancellationToken);
}
