namespace CodeCrafts.Api.Features.Progress;

/// <summary>An XP award for one correct answer (one per learner, question and day).</summary>
/// <param name="FirstCorrect">The learner had never answered this question correctly before (it counts as mastered).</param>
public sealed record XpGrant(int Xp, bool FirstCorrect);

/// <summary>
/// The XP rules, as one function of what the answer's read found: a correct answer earns the question's full XP the
/// first time, a quarter of it (at least 1) when repeated on a later day, and nothing more on the same day or for a
/// wrong answer. The answer's transaction holds the learner's row lock when it reads, so the read is the truth;
/// the xp_awards primary key (user, question, day) still refuses a second award for a day whatever happens.
/// </summary>
public static class XpRules
{
    public const int RepeatDivisor = 4;

    public static int RepeatXp(int fullXp) => fullXp <= 0 ? 0 : Math.Max(1, fullXp / RepeatDivisor);

    /// <param name="lastAwardDay">The last day this learner was awarded XP for this question, if ever.</param>
    /// <param name="day">The learner's day the answer is booked on.</param>
    /// <returns>The award, or null when the answer earns none (wrong, or this question was already rewarded today).</returns>
    public static XpGrant? Grant(bool correct, int fullXp, DateOnly? lastAwardDay, DateOnly day) =>
        !correct || lastAwardDay >= day ? null
        : lastAwardDay is null ? new XpGrant(fullXp, true)
        : new XpGrant(RepeatXp(fullXp), false);
}
