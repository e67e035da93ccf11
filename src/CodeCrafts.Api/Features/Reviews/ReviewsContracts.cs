using System.ComponentModel;
using CodeCrafts.Api.Common;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Api.Features.Reviews;

/// <summary>Filters of <c>GET /api/reviews/due</c> (paging is the usual <see cref="PageRequest"/>).</summary>
public sealed record DueReviewsFilter
{
    [Description("Only this language: python or cpp.")]
    public string? Language { get; init; }

    [Description("Only this lesson (its id).")]
    public string? LessonId { get; init; }
}

/// <summary>One question waiting for review. Never its answer.</summary>
public sealed record DueReview(
    Guid QuestionId,
    Guid LessonId,
    string LessonTitle,
    ProgrammingLanguage Language,
    QuestionType Type,
    [property: Description("The prompt's opening words, for a list.")] string PromptSummary,
    DateTimeOffset DueAt,
    [property: Description("Predicted probability of recall now (0..1); the list starts with the lowest.")] double Retrievability,
    ReviewState State,
    int Lapses);

/// <summary>The review queue: what is due now, most at risk first, and what comes due later today.</summary>
public sealed record DueReviews(
    PagedResult<DueReview> Due,
    [property: Description("Items not due yet that fall due before the end of the learner's day (their time zone).")] int DueLaterToday,
    [property: Description("When the next item not yet due falls due, if any.")] DateTimeOffset? NextDueAt);

/// <summary>Review status of one lesson for one learner, for the progress view.</summary>
public sealed record LessonReviewSummary(
    Guid LessonId,
    int Items,
    int Due,
    [property: Description("The earliest due time of the lesson's items (in the past when overdue).")] DateTimeOffset? NextReviewAt,
    [property: Description("Average predicted probability of recall now over the lesson's items.")] double AverageRetrievability);
