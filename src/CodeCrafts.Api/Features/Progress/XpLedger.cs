using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Questions;
using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Progress;

/// <summary>XP granted for one correct answer, inside the attempt's transaction.</summary>
/// <param name="FirstCorrect">The learner had never answered this question correctly before.</param>
public sealed record XpGrant(int Xp, bool FirstCorrect)
{
    public static readonly XpGrant None = new(0, false);
}

/// <summary>A committed XP award, as observers (leaderboards) see it.</summary>
public sealed record XpAwarded(Guid UserId, Guid QuestionId, int Xp, long TotalXp, DateOnly Day, DateTimeOffset AwardedAt);

/// <summary>Told about every committed XP award, after the commit (e.g. to move a leaderboard). Failures are logged, not raised.</summary>
public interface IXpAwardObserver
{
    Task OnXpAwardedAsync(XpAwarded award, CancellationToken cancellationToken);
}

/// <summary>
/// The one place XP is granted. Rules: a correct answer earns the question's full XP the first time, a quarter
/// of it (at least 1) when repeated on a later day, and nothing more on the same day or for a wrong answer.
/// The xp_awards primary key (user, question, day) decides "once per day" however many requests race, and the
/// user's total moves by a single <c>UPDATE … SET Xp = Xp + n</c>.
/// </summary>
public sealed partial class XpLedger(IEnumerable<IXpAwardObserver> observers, ILogger<XpLedger> logger)
{
    public const int RepeatDivisor = 4;

    public static int RepeatXp(int fullXp) => fullXp <= 0 ? 0 : Math.Max(1, fullXp / RepeatDivisor);

    /// <summary>Grants XP for a correct answer on the learner's <paramref name="day"/>; call inside the attempt's transaction.</summary>
    public async Task<XpGrant> AwardAsync(
        CodeCraftsDbContext db, Guid userId, Guid questionId, int fullXp, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lastAwarded = await db.XpAwards
            .Where(a => a.UserId == userId && a.QuestionId == questionId)
            .MaxAsync(a => (DateOnly?)a.Day, cancellationToken);
        var xp = lastAwarded is null ? fullXp : RepeatXp(fullXp);

        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO xp_awards ("UserId", "QuestionId", "Day", "Xp", "AwardedAt")
            VALUES ({userId}, {questionId}, {day}, {xp}, {DbValues.Instant(db, now)})
            ON CONFLICT ("UserId", "QuestionId", "Day") DO NOTHING
            """, cancellationToken);
        if (inserted == 0)
        {
            return XpGrant.None;
        }
        if (xp > 0)
        {
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Xp, u => u.Xp + xp), cancellationToken);
        }
        return new XpGrant(xp, lastAwarded is null);
    }

    /// <summary>Tells the observers about a committed award; never throws, because the answer is already saved.</summary>
    public async Task PublishAsync(XpAwarded award, CancellationToken cancellationToken)
    {
        LearningTelemetry.XpAwarded.Add(award.Xp);
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnXpAwardedAsync(award, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogObserverFailed(logger, observer.GetType().Name, award.UserId, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "XP observer {Observer} failed for user {UserId}")]
    private static partial void LogObserverFailed(ILogger logger, string observer, Guid userId, Exception exception);
}
