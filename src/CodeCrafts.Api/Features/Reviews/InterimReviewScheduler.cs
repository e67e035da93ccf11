using CodeCrafts.Data;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Api.Features.Reviews;

/// <summary>Stand-in for FSRS so answering works: right again tomorrow, wrong again in ten minutes.</summary>
internal sealed class InterimReviewScheduler : IReviewScheduler
{
    public async Task<DateTimeOffset> RecordAsync(CodeCraftsDbContext db, ReviewInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = now + (input.IsCorrect ? TimeSpan.FromDays(1) : TimeSpan.FromMinutes(10));
        var item = await db.ReviewItems.FindAsync([input.UserId, input.Question.Id], cancellationToken);
        if (item is null)
        {
            item = new ReviewItem { UserId = input.UserId, QuestionId = input.Question.Id, State = ReviewState.Learning, Stability = 1, Difficulty = 5 };
            db.ReviewItems.Add(item);
        }
        item.Reps++;
        item.Lapses += input.IsCorrect ? 0 : 1;
        item.LastReviewAt = now;
        item.DueAt = due;
        return due;
    }
}
