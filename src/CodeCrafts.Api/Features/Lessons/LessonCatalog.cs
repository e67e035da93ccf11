using CodeCrafts.Data;
using CodeCrafts.Data.Content;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CodeCrafts.Api.Features.Lessons;

/// <summary>A published, non-retired question: the stored row (for grading, detached) and what learners see.</summary>
public sealed record CatalogQuestion(Question Entity, CatalogLesson Lesson, QuestionView View);

/// <summary>A published lesson with its live questions in order.</summary>
public sealed class CatalogLesson(Lesson lesson)
{
    public Guid Id { get; } = lesson.Id;
    public string Slug { get; } = lesson.Slug;
    public string Title { get; } = lesson.Title;
    public string Summary { get; } = lesson.Summary;
    public ProgrammingLanguage Language { get; } = lesson.Language;
    public string LanguageName { get; } = lesson.Language == ProgrammingLanguage.Cpp ? "cpp" : "python";
    public int Difficulty { get; } = lesson.Difficulty;
    public int XpReward { get; } = lesson.XpReward;
    public int Order { get; } = lesson.Order;
    public IReadOnlyList<CatalogQuestion> Questions { get; internal set; } = [];
}

/// <summary>The whole published curriculum, read-only.</summary>
public sealed record Catalog(IReadOnlyList<CatalogLesson> Lessons, IReadOnlyDictionary<Guid, CatalogLesson> LessonsById, IReadOnlyDictionary<Guid, CatalogQuestion> QuestionsById);

/// <summary>
/// The curriculum changes only when the migration worker seeds it, yet every catalogue read and every answer
/// needs it: each Api process keeps it in memory for <see cref="Lifetime"/>, after which a re-seed shows up.
/// </summary>
public sealed class LessonCatalog(IServiceScopeFactory scopes, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private static readonly object Key = new();

    public async Task<Catalog> GetAsync()
    {
        // The task itself is cached, so concurrent misses share one load.
        var load = cache.GetOrCreate(Key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return LoadAsync();
        })!;
        try
        {
            return await load;
        }
        catch
        {
            cache.Remove(Key);
            throw;
        }
    }

    private async Task<Catalog> LoadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>();
        var lessons = await db.Lessons.AsNoTracking()
            .Where(l => l.IsPublished)
            .Include(l => l.Questions.Where(q => !q.IsRetired))
            .ToListAsync();

        var catalogLessons = lessons
            .OrderBy(l => l.Language).ThenBy(l => l.Order)
            .Select(l =>
            {
                var lesson = new CatalogLesson(l);
                lesson.Questions = l.Questions.OrderBy(q => q.Order)
                    .Select(q => new CatalogQuestion(Detach(q), lesson, ToView(q)))
                    .ToList();
                return lesson;
            })
            .ToList();
        return new Catalog(
            catalogLessons,
            catalogLessons.ToDictionary(l => l.Id),
            catalogLessons.SelectMany(l => l.Questions).ToDictionary(q => q.Entity.Id));
    }

    private static Question Detach(Question question)
    {
        question.Lesson = null;
        return question;
    }

    private static QuestionView ToView(Question q)
    {
        var options = q.OptionsJson is null ? null : ContentJson.Deserialize<QuestionOptions>(q.OptionsJson);
        var tests = q.TestCasesJson is null
            ? null
            : ContentJson.Deserialize<List<CodeTestCase>>(q.TestCasesJson).Where(t => !t.Hidden).Select(t => new VisibleTestView(t.Stdin, t.ExpectedStdout)).ToList();
        return new QuestionView(
            q.Id, q.Slug, q.Type, q.Order, q.Prompt, q.Difficulty, q.XpReward, q.TypicalSeconds,
            options?.Choices?.Select(c => new ChoiceView(c.Id, c.Text)).ToList(),
            options?.MultipleAnswers ?? false,
            options?.BlankCount,
            q.Type == QuestionType.Code ? q.StarterCode ?? "" : null,
            tests,
            q.Type == QuestionType.Flashcard ? ContentJson.Deserialize<AnswerKey>(q.AnswerKeyJson).Back ?? "" : null);
    }
}
