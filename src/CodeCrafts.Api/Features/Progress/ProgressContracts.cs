using System.ComponentModel;
using CodeCrafts.Api.Features.Streaks;

namespace CodeCrafts.Api.Features.Progress;

/// <summary>The caller's standing in one lesson they have started.</summary>
/// <param name="CorrectRatio">Correct attempts ÷ attempts (0 to 1).</param>
/// <param name="NextReviewAt">The earliest spaced-repetition due time among the lesson's questions.</param>
/// <param name="ReviewsDue">How many of the lesson's questions are due for review now.</param>
/// <param name="AverageRetrievability">FSRS's estimate, now, of the chance of recalling the lesson's answered questions (0 to 1); null before any.</param>
public sealed record LessonProgress(
    Guid LessonId, string LessonSlug, string LessonTitle, string Language,
    int Attempts, int CorrectAttempts, double CorrectRatio, int QuestionsMastered, int QuestionCount, int Score,
    bool Completed, DateTimeOffset? CompletedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextReviewAt,
    int ReviewsDue, double? AverageRetrievability);

/// <summary>One day of the learner's own calendar.</summary>
/// <param name="Frozen">True when the learner missed this day and a streak freeze kept their streak alive through it.</param>
public sealed record DayActivity(
    DateOnly Day, int Xp, int Answers, int CorrectAnswers,
    [property: Description("True when the learner missed this day (no XP) and a streak freeze kept the streak alive through it.")] bool Frozen);

/// <summary>The learner's XP, level, streaks and daily goal.</summary>
/// <param name="Level">See the level curve in the README: level n needs 50·n·(n−1) XP.</param>
/// <param name="Today">The learner's current day, by their time zone.</param>
/// <param name="Last30Days">Oldest first, one entry per day, zeros included; frozen days are marked.</param>
/// <param name="CurrentStreak">Days in a row with XP; days a freeze covered keep it alive without adding to it.</param>
/// <param name="StreakFreezes">Freezes held and used, and when the next one is earned.</param>
public sealed record UserStats(
    long Xp, int Level, long LevelStartsAtXp, long NextLevelAtXp,
    int CurrentStreak, int LongestStreak,
    [property: Description("Streak freezes held and used, and the streak at which the next one is earned.")] StreakFreezeSummary StreakFreezes,
    DateOnly Today, int TodayXp, int DailyGoal, bool DailyGoalReached,
    IReadOnlyList<DayActivity> Last30Days);
