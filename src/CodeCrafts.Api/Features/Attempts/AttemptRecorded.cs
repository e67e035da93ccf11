using CodeCrafts.Api.Features.Lessons;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Api.Features.Attempts;

/// <summary>
/// One answer, committed: the learner's state after it, as the observers need it (the progress and streak caches, the XP
/// boards, the question's difficulty rating). Everything is absolute, not a delta, so an observer's write can be retried
/// or can race a rebuild from PostgreSQL without counting anything twice.
/// </summary>
/// <param name="AttemptId">The stored attempt (question_attempts), unique per answer.</param>
/// <param name="Lesson">The learner's counts in the question's lesson after this answer.</param>
/// <param name="Streak">The learner's streak after this answer, when it changed; null when it did not.</param>
/// <param name="LearnerRating">The learner's duel rating when answering (the question's difficulty moves against it).</param>
/// <param name="League">The learner's weekly league placement after this answer; null when it earned no XP.</param>
public sealed record AttemptRecorded(
    Guid AttemptId, Guid UserId, Guid QuestionId, Guid LessonId, bool Correct, DateTimeOffset AnsweredAt,
    XpTotals Xp, LessonCounts Lesson, StreakSnapshot? Streak, double LearnerRating, LeagueSnapshot? League = null);

/// <param name="Gained">XP this answer earned (0 for a wrong answer or a question already rewarded today).</param>
/// <param name="Total">The learner's all-time XP after it.</param>
/// <param name="Week">The learner's XP in the ISO week (UTC) of <see cref="AttemptRecorded.AnsweredAt"/>, after it.</param>
public sealed record XpTotals(int Gained, long Total, long Week);

/// <summary>A streak as stored on the learner's row.</summary>
/// <param name="LastActiveOn">The last day XP was earned, on the learner's calendar.</param>
/// <param name="TimeZoneId">The zone that day was counted in.</param>
public sealed record StreakSnapshot(int Current, int Longest, DateOnly? LastActiveOn, string? TimeZoneId, int Freezes, int FreezesUsed);

/// <summary>A learner's placement in a week's league, as committed.</summary>
/// <param name="Week">The Monday of the week the XP counted for (the next one for an answer that committed after its week closed).</param>
/// <param name="Tier">The cohort's tier; null while the placement waits for last week's settlement.</param>
/// <param name="Cohort">The cohort's number within the tier and week; null while waiting.</param>
/// <param name="Xp">The learner's XP in that league week, after this answer.</param>
/// <param name="ReachedAt">When that XP was reached (the tie-break).</param>
public sealed record LeagueSnapshot(DateOnly Week, LeagueTier? Tier, int? Cohort, long Xp, DateTimeOffset ReachedAt);
