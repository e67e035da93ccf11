using CodeCrafts.Api.Features.Lessons;
using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Progress;

/// <summary>The catalogue's per-learner counts: Redis answers when it can, PostgreSQL fills it when it cannot.</summary>
internal sealed class LearnerLessonCounts(ProgressCache cache, CodeCraftsDbContext db) : ILearnerLessonCounts
{
    public async Task<IReadOnlyDictionary<Guid, LessonCounts>> ForLearnerAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(userId) is { } cached)
        {
            return cached;
        }
        var stored = await db.Progress.AsNoTracking()
            .Where(p => p.UserId == userId)
            .ToDictionaryAsync(p => p.LessonId, p => new LessonCounts(p.Attempts, p.CorrectAttempts, p.QuestionsMastered, p.Score, p.IsCompleted), cancellationToken);
        await cache.FillAsync(userId, stored);
        return stored;
    }
}
