using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.MigrationService.Curriculum;

internal sealed record SeedResult(int Lessons, int Questions, int LessonsChanged);

/// <summary>
/// Makes the database's curriculum equal the files. Lessons and questions are matched by slug,
/// so ids survive edits and learners' history stays attached; an unchanged file is not rewritten.
/// </summary>
internal sealed class CurriculumSeeder(CodeCraftsDbContext db, CurriculumLoader loader, CodeQuestionVerifier verifier, TimeProvider time)
{
    public async Task<SeedResult> SeedAsync(CancellationToken cancellationToken)
    {
        // Validate everything first: a broken file must not leave half a curriculum behind.
        var lessons = loader.Load();
        await verifier.VerifyAsync(lessons, cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var changed = await ApplyAsync(lessons, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return new SeedResult(lessons.Count, lessons.Sum(l => l.Questions.Count), changed);
            },
            cancellationToken);
    }

    private async Task<int> ApplyAsync(IReadOnlyList<SeedLesson> lessons, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var existing = await db.Lessons.Include(l => l.Questions).ToDictionaryAsync(l => l.Slug, StringComparer.Ordinal, ct);
        var changed = 0;

        foreach (var seed in lessons)
        {
            if (existing.TryGetValue(seed.Slug, out var lesson) && lesson.ContentHash == seed.ContentHash)
            {
                continue;
            }

            if (lesson is null)
            {
                lesson = new Lesson { Slug = seed.Slug, Title = seed.Title, Summary = seed.Summary, CreatedAt = now };
                db.Lessons.Add(lesson);
            }

            lesson.Title = seed.Title;
            lesson.Summary = seed.Summary;
            lesson.Language = seed.Language;
            lesson.Difficulty = seed.Difficulty;
            lesson.XpReward = seed.XpReward;
            lesson.Order = seed.Order;
            lesson.IsPublished = seed.Published;
            lesson.ContentHash = seed.ContentHash;
            lesson.UpdatedAt = now;
            ApplyQuestions(lesson, seed.Questions);
            changed++;
        }

        var slugs = lessons.Select(l => l.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in existing.Values.Where(l => !slugs.Contains(l.Slug) && l.IsPublished))
        {
            // Kept, not deleted: attempts and progress still point at it.
            gone.IsPublished = false;
            gone.ContentHash = "";
            gone.UpdatedAt = now;
            changed++;
        }

        return changed;
    }

    private static void ApplyQuestions(Lesson lesson, IReadOnlyList<SeedQuestion> seeds)
    {
        var bySlug = lesson.Questions.ToDictionary(q => q.Slug, StringComparer.Ordinal);
        foreach (var seed in seeds)
        {
            if (!bySlug.TryGetValue(seed.Slug, out var question))
            {
                question = new Question { Slug = seed.Slug, Prompt = seed.Prompt, AnswerKeyJson = seed.AnswerKeyJson };
                lesson.Questions.Add(question);
            }

            if (question.Difficulty != seed.Difficulty)
            {
                // Only a new or re-graded question restarts its learned difficulty rating.
                question.DifficultyRating = QuestionDifficulty.InitialRating(seed.Difficulty);
            }

            question.Type = seed.Type;
            question.Order = seed.Order;
            question.Prompt = seed.Prompt;
            question.Explanation = seed.Explanation;
            question.Difficulty = seed.Difficulty;
            question.XpReward = seed.XpReward;
            question.TypicalSeconds = seed.TypicalSeconds;
            question.OptionsJson = seed.OptionsJson;
            question.AnswerKeyJson = seed.AnswerKeyJson;
            question.StarterCode = seed.StarterCode;
            question.TestCasesJson = seed.TestCasesJson;
            question.LimitsJson = seed.LimitsJson;
            question.IsRetired = false;
        }

        var kept = seeds.Select(s => s.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var removed in lesson.Questions.Where(q => !kept.Contains(q.Slug)))
        {
            removed.IsRetired = true;
        }
    }
}
