using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CodeCrafts.Api.Features.Questions;
using CodeCrafts.Data.Content;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Api.Features.Duels;

public sealed record CreateDuelRequest
{
    public const string Bot = "bot";
    public const string Matchmaking = "matchmaking";

    [Required]
    [MaxLength(64)]
    [Description("Who to play: a user id (sends a challenge), \"bot\" (starts at once), or \"matchmaking\" (joins the queue).")]
    public string? Opponent { get; init; }

    [Required]
    [Description("python or cpp: the questions come from that language's published lessons.")]
    public ProgrammingLanguage? Language { get; init; }

    [Range(3, 10)]
    [Description("Number of questions, 3 to 10 (default 5).")]
    public int QuestionCount { get; init; } = 5;

    [Range(1, 5)]
    [Description("Bots only: strength as a lesson difficulty level, 1 (rating 1000) to 5 (1800), moved to the nearest rating within 400 of yours. Default: your rating.")]
    public int? BotLevel { get; init; }

    [Range(600, 2800)]
    [Description("Bots only: the bot's rating, within 400 of your own rating (Duels:BotRatingBand); outside that band the request is refused with 400 naming botRating. Give this or botLevel, not both. Default: your rating.")]
    public double? BotRating { get; init; }
}

public sealed record DuelAnswerRequest
{
    [Range(1, 10)]
    [Description("The question's position in the duel (1-based).")]
    public int Position { get; init; }

    [Required]
    [Description("The answer, in the shape the question's type asks for.")]
    public AnswerSubmission? Answer { get; init; }
}

/// <summary>One side of a duel. A bot has no user id; its counts include only answers the duel's clock has passed.</summary>
public sealed record DuelPlayerView(OpponentKind Kind, Guid? UserId, string DisplayName, double Rating, int Answered, int Correct);

/// <summary>A verdict on one answer and how long it took; never the answer itself.</summary>
public sealed record DuelAnswerMark(bool IsCorrect, int TimeTakenMs);

/// <summary>A duel question as players see it: never its answer key.</summary>
public sealed record DuelQuestionView(
    int Position,
    Guid QuestionId,
    QuestionType Type,
    string Prompt,
    IReadOnlyList<ChoiceOption>? Choices,
    bool MultipleAnswers,
    int? BlankCount,
    int TypicalSeconds,
    DuelAnswerMark? Yours,
    DuelAnswerMark? Opponents);

/// <summary>A side's correct answers, its time for the tie-break (the whole duel if it left questions unanswered), its rating change (none for a bot).</summary>
public sealed record DuelSideResult(int Score, int TimeMs, double? RatingChange);

/// <summary>How a duel ended. A bot's win has no winner id; a draw has none either.</summary>
public sealed record DuelResultView(DuelOutcome Outcome, Guid? WinnerId, DateTimeOffset FinishedAt, DuelSideResult Challenger, DuelSideResult Opponent);

public sealed record DuelView(
    Guid Id,
    DuelStatus Status,
    ProgrammingLanguage Language,
    int QuestionCount,
    DuelPlayerView Challenger,
    DuelPlayerView? Opponent,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? Deadline,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<DuelQuestionView> Questions,
    DuelResultView? Result);

public sealed record DuelSummary(
    Guid Id,
    DuelStatus Status,
    ProgrammingLanguage Language,
    int QuestionCount,
    OpponentKind OpponentKind,
    Guid ChallengerId,
    Guid? OpponentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    DuelOutcome? Outcome,
    Guid? WinnerId);

public sealed record DuelAnswerResult(
    Guid DuelId,
    int Position,
    bool IsCorrect,
    int TimeTakenMs,
    int Answered,
    int QuestionCount,
    DuelStatus DuelStatus,
    DuelResultView? Result);
