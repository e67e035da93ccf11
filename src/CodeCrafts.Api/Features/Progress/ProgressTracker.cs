using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Lessons;
using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Progress;

/// <summary>
/// Keeps one progress row per learner and lesson. Score (0–100) = coverage × (½ + ½ × accuracy), where coverage
/// is the share of the lesson's questions answered correctly at least once and accuracy is correct ÷ all attempts:
/// a lesson finished without a mistake scores 100, one finished at 50% accuracy 75. A lesson is completed when
/// every question has been answered correctly at least once.
/// </summary>
internal static class ProgressTracker
{
    public static int Score(int attempts, int correctAttempts, int questionsMastered, int questionCount)
    {
        if (attempts == 0 || questionCount == 0)
        {
            return 0;
        }
        var coverage = Math.Min(1.0, (double)questionsMastered / questionCount);
        var accuracy = (double)correctAttempts / attempts;
        return (int)Math.Round(100 * coverage * (0.5 + (0.5 * accuracy)), MidpointRounding.AwayFromZero);
    }

    /// <summary>Counts one attempt with a single upsert, then sets what derives from the counts. Inside the attempt's transaction.</summary>
    public static async Task<LessonProgressSummary> RecordAsync(
        CodeCraftsDbContext db, Guid userId, CatalogLesson lesson, bool correct, bool firstCorrect, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // SQLite has no xmin: there the row version is a plain column that an insert must fill.
        var sqlite = db.Provider == DatabaseProvider.Sqlite;
        var sql = $$"""
            INSERT INTO progress ("Id", "UserId", "LessonId", "Attempts", "CorrectAttempts", "QuestionsMastered", "Score", "IsCompleted", "LastAttemptAt"{{(sqlite ? ", \"Version\"" : "")}})
            VALUES ({0}, {1}, {2}, 1, {3}, {4}, 0, FALSE, {5}{{(sqlite ? ", 0" : "")}})
            ON CONFLICT ("UserId", "LessonId") DO UPDATE SET
                "Attempts" = progress."Attempts" + 1,
                "CorrectAttempts" = progress."CorrectAttempts" + excluded."CorrectAttempts",
                "QuestionsMastered" = progress."QuestionsMastered" + excluded."QuestionsMastered",
                "LastAttemptAt" = excluded."LastAttemptAt"
            RETURNING "Id", "Attempts", "CorrectAttempts", "QuestionsMastered"
            """;
        var counts = (await db.Database
            .SqlQueryRaw<ProgressCounts>(sql, Guid.CreateVersion7(), userId, lesson.Id, correct ? 1 : 0, firstCorrect ? 1 : 0, DbValues.Instant(db, now))
            .ToListAsync(cancellationToken)).Single();

        var questionCount = lesson.Questions.Count;
        var score = Score(counts.Attempts, counts.CorrectAttempts, counts.QuestionsMastered, questionCount);
        var completed = counts.QuestionsMastered >= questionCount;
        var lessonId = lesson.Id;
        await db.Progress.Where(p => p.Id == counts.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Score, score)
            .SetProperty(p => p.IsCompleted, completed)
            .SetProperty(p => p.CompletedAt, p => completed ? p.CompletedAt ?? now : null)
            .SetProperty(p => p.NextReviewAt, p => db.ReviewItems
                .Where(r => r.UserId == userId && r.Question!.LessonId == lessonId && !r.Question.IsRetired)
                .Min(r => (DateTimeOffset?)r.DueAt)), cancellationToken);

        return new LessonProgressSummary(counts.Attempts, counts.CorrectAttempts, counts.QuestionsMastered, questionCount, score, completed);
    }

    private sealed class ProgressCounts
    {
        public Guid Id { get; set; }
        public int Attempts { get; set; }
        public int CorrectAttempts { get; set; }
        public int QuestionsMastered { get; set; }
    }
}
