using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CodeCrafts.Api.Features.CodeExecution;
using CodeCrafts.Api.Features.Lessons;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Api.Features.Questions;

/// <summary>An answer to a question.</summary>
public sealed record AttemptRequest
{
    public const int MaxTimeTakenMs = 3_600_000;
    public const int MaxIdempotencyKeyLength = 100;

    [Required(ErrorMessage = "answer is required.")]
    [Description("Exactly the field the question's type asks for: optionIds, blanks, rating or code.")]
    public AnswerSubmission? Answer { get; init; }

    [Required(ErrorMessage = "timeTakenMs is required.")]
    [Range(0, MaxTimeTakenMs, ErrorMessage = "timeTakenMs must be between 0 and 3600000 (one hour).")]
    [Description("Milliseconds the learner spent on the question.")]
    public int? TimeTakenMs { get; init; }

    [Required(ErrorMessage = "idempotencyKey is required.")]
    [StringLength(MaxIdempotencyKeyLength, ErrorMessage = "idempotencyKey must be at most 100 characters.")]
    [Description("Chosen by the client, new for each answer and the same on a retry: a retry returns the first result and awards nothing more.")]
    public string? IdempotencyKey { get; init; }
}

/// <summary>The verdict on an answer and everything it moved.</summary>
/// <param name="ExpectedAnswer">After a wrong answer (and always for a flashcard, whose back it is): option ids, one answer per blank, or the card's back.</param>
/// <param name="Explanation">After a wrong answer.</param>
/// <param name="XpGained">0 for a wrong answer or a question already rewarded today; see the XP rules in the README.</param>
/// <param name="DailyGoalReached">Today's XP has reached the learner's daily goal.</param>
/// <param name="NextReviewAt">When spaced repetition brings this question back.</param>
/// <param name="Code">For a code question: the verdict and, per visible test, what the program did (hidden tests: pass or fail only).</param>
public sealed record AttemptResult(
    Guid AttemptId, Guid QuestionId, Guid LessonId, bool Correct,
    IReadOnlyList<string>? ExpectedAnswer, string? Explanation,
    int XpGained, long TotalXp, int Level, int CurrentStreak, int LongestStreak,
    int TodayXp, int DailyGoal, bool DailyGoalReached,
    LessonProgressSummary LessonProgress, DateTimeOffset NextReviewAt, DateTimeOffset AnsweredAt,
    CodeJudgementResponse? Code = null);

/// <summary>One of the caller's past answers.</summary>
public sealed record AttemptHistoryItem(
    Guid Id, Guid QuestionId, Guid LessonId, QuestionType QuestionType, string Prompt, AnswerSubmission? Answer,
    bool Correct, int XpAwarded, int TimeTakenMs, DateTimeOffset AnsweredAt, Guid? DuelId);
