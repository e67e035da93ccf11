using System.ComponentModel;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;

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

/// <summary>
/// The whole published curriculum, read-only. Immutable, so the cache hands every request the same instance instead of
/// a copy; <see cref="Source"/> is what the second cache level (Redis) stores.
/// </summary>
[ImmutableObject(true)]
public sealed record Catalog(IReadOnlyList<CatalogLesson> Lessons, IReadOnlyDictionary<Guid, CatalogLesson> LessonsById, IReadOnlyDictionary<Guid, CatalogQuestion> QuestionsById)
{
    internal IReadOnlyList<Lesson> Source { get; private init; } = [];

    /// <param name="lessons">Published lessons with their live questions (each question's Lesson left null).</param>
    internal static Catalog Build(IReadOnlyList<Lesson> lessons)
    {
        var catalogLessons = lessons
            .OrderBy(l => l.Language).ThenBy(l => l.Order)
            .Select(l =>
            {
                var lesson = new CatalogLesson(l);
                lesson.Questions = l.Questions.OrderBy(q => q.Order)
                    .Select(q => new CatalogQuestion(q, lesson, QuestionViews.Of(q)))
                    .ToList();
                return lesson;
            })
            .ToList();
        return new Catalog(
            catalogLessons,
            catalogLessons.ToDictionary(l => l.Id),
            catalogLessons.SelectMany(l => l.Questions).ToDictionary(q => q.Entity.Id))
        {
            Source = lessons,
        };
    }
}

/// <summary>
/// The curriculum changes only when the migration worker seeds it, yet every catalogue read and every answer needs it:
/// it lives in <see cref="HybridCache"/> (each replica's memory, then Redis) for <see cref="Lifetime"/>, after which
/// a re-seed shows up. Only the very first load is waited for: once a replica holds a catalogue
/// (<see cref="CatalogCopy"/>), an older one keeps serving while the next loads in the background, so the minute's
/// reload never stalls every request in flight behind one PostgreSQL read.
/// </summary>
public sealed class LessonCatalog(HybridCache cache, CodeCraftsDbContext db, CatalogCopy copy)
{
    public const string Key = "lessons:catalog";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = Lifetime, LocalCacheExpiration = Lifetime };

    // The background reload skips this replica's memory, which holds the very catalogue being replaced.
    private static readonly HybridCacheEntryOptions Reload = new()
    {
        Expiration = Lifetime, LocalCacheExpiration = Lifetime, Flags = HybridCacheEntryFlags.DisableLocalCacheRead,
    };

    /// <remarks>
    /// Concurrent misses share one load, run with the first caller's DbContext. So no caller may walk away early (its
    /// scope, and so that DbContext, would end under the others): the wait ignores the request's cancellation.
    /// </remarks>
    public async Task<Catalog> GetAsync()
    {
        if (copy.Current(Reloader) is { } current)
        {
            return current;
        }
        var loaded = await cache.GetOrCreateAsync(Key, db, static (db, ct) => LoadAsync(db, ct), Entry, cancellationToken: CancellationToken.None);
        copy.Keep(loaded);
        return loaded;
    }

    // One delegate for every read: the catalogue is on the path of every answer and every lessons page.
    private static readonly Func<IServiceProvider, Task<Catalog>> Reloader = ReloadAsync;

    private static async Task<Catalog> ReloadAsync(IServiceProvider services)
    {
        var cache = services.GetRequiredService<HybridCache>();
        var db = services.GetRequiredService<CodeCraftsDbContext>();
        return await cache.GetOrCreateAsync(Key, db, static (db, ct) => LoadAsync(db, ct), Reload, cancellationToken: CancellationToken.None);
    }

    private static async ValueTask<Catalog> LoadAsync(CodeCraftsDbContext db, CancellationToken cancellationToken)
    {
        var lessons = await db.Lessons.AsNoTracking()
            .Where(l => l.IsPublished)
            .Include(l => l.Questions.Where(q => !q.IsRetired))
            .ToListAsync(cancellationToken);
        foreach (var question in lessons.SelectMany(l => l.Questions))
        {
            // Detached and without the back reference: the entities are shared read-only and serialised to Redis.
            question.Lesson = null;
        }
        return Catalog.Build(lessons);
    }
}
