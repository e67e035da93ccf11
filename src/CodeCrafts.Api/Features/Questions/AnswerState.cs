using CodeCrafts.Api.Features.CodeExecution;
using CodeCrafts.Api.Features.Leagues;
using CodeCrafts.Api.Features.Lessons;
using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Api.Features.Streaks;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Api.Features.Questions;

/// <summary>The learner's row, read under its lock.</summary>
internal sealed record LearnerRow(long Xp, string TimeZoneId, int DailyXpGoal, StreakState Streak, double Rating);

/// <summary>An attempt already stored under this idempotency key.</summary>
internal sealed record StoredAttempt(Guid QuestionId, string? ResultJson);

/// <summary>The learner's progress row in the question's lesson, before this answer.</summary>
internal sealed record ProgressRow(int Attempts, int CorrectAttempts, int QuestionsMastered, DateTimeOffset? CompletedAt);

/// <summary>What the fair-play rules (issue 15: XP rules, duel integrity) need, read in the same round trip.</summary>
/// <param name="PaidAwards">How many days this question was awarded more than 0 XP.</param>
/// <param name="LastWrongAt">The last wrong practice answer to this question in the last days (its reply showed the answer).</param>
/// <param name="RepeatXpByDay">Repeat XP per day, for the days of <see cref="AnswerState.RecentDays"/>.</param>
/// <param name="InActiveDuel">The question is part of one of the learner's active duels.</param>
/// <param name="RecentAttempts">The learner's practice answers within the answers-per-learner window, counted up to its limit.</param>
/// <param name="OldestRecentAttemptAt">The oldest of those counted, whose leaving the window frees a place.</param>
internal sealed record FairPlayRead(
    int PaidAwards, DateTimeOffset? LastWrongAt, IReadOnlyDictionary<DateOnly, int> RepeatXpByDay, bool InActiveDuel,
    int RecentAttempts = 0, DateTimeOffset? OldestRecentAttemptAt = null)
{
    public static readonly FairPlayRead None = new(0, null, new Dictionary<DateOnly, int>(), false);
}

/// <summary>
/// Everything one answer needs to know, read in its first round trip while it holds the learner's row lock, so
/// nothing it read can change before it commits: every answer of a learner takes the same lock.
/// </summary>
/// <param name="LastAwardDay">The last day XP was awarded for this question, if ever.</param>
/// <param name="WeekXp">The learner's XP in this UTC ISO week so far.</param>
/// <param name="RecentDays">Daily XP from the earliest day that can be the learner's today (see <see cref="AnswerSql.EarliestToday"/>).</param>
/// <param name="Review">The question's review item, as the scheduler left it; null the first time.</param>
/// <param name="OtherDueAt">The earliest due time of the lesson's other live review items.</param>
/// <param name="League">The learner's league rows around this week.</param>
/// <param name="Memory">The learner's memory model (weights, desired retention) the review is scheduled with.</param>
internal sealed record AnswerState(
    LearnerRow Learner, StoredAttempt? Existing, DateOnly? LastAwardDay, long WeekXp, IReadOnlyDictionary<DateOnly, int> RecentDays,
    ProgressRow? Progress, ReviewItem? Review, DateTimeOffset? OtherDueAt, FairPlayRead FairPlay, LeagueState League, LearnerModel Memory);

/// <summary>What one answer is about: the catalogue's question, the answer and its verdict.</summary>
internal sealed record AnswerInput(
    Guid UserId, CatalogQuestion Question, AnswerSubmission Answer, GradeResult Grade, int TimeTakenMs, string IdempotencyKey,
    CodeJudgementResponse? Code);
