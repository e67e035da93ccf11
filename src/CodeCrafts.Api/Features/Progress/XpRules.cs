using CodeCrafts.Data.Entities;

namespace CodeCrafts.Api.Features.Progress;

/// <summary>An XP award for one correct answer (one per learner, question and day; its XP may be 0).</summary>
/// <param name="FirstCorrect">The learner's first correct answer to this question (it counts as mastered).</param>
public sealed record XpGrant(int Xp, bool FirstCorrect);

/// <summary>The answer being rewarded: its verdict and its question.</summary>
public sealed record XpAnswer(bool Correct, QuestionType Type, int QuestionXp);

/// <summary>What the answer's read found about this learner and question, under the learner's row lock.</summary>
/// <param name="LastAwardDay">The last day a correct answer to this question was recorded as an award (of any XP), if ever.</param>
/// <param name="PaidAwards">How many of those awards carried XP (the first paid one is the full amount, the rest repeats).</param>
/// <param name="LastRevealDay">The last day (on the learner's calendar) a practice answer's reply showed this question's answer.</param>
/// <param name="RepeatXpToday">XP the learner was awarded today for repeats (every award but a question's first).</param>
public sealed record XpHistory(DateOnly? LastAwardDay, int PaidAwards, DateOnly? LastRevealDay, int RepeatXpToday)
{
    public static readonly XpHistory None = new(null, 0, null, 0);
}

/// <summary>
/// The XP rules, exactly the table "XP rules" of the README, as one pure function of what the answer's read found.
/// The answer's transaction holds the learner's row lock when it reads, so the history is the truth; the xp_awards
/// primary key (user, question, day) still refuses a second award for a day whatever happens.
/// </summary>
public static class XpRules
{
    /// <returns>The award, or null when the answer earns none and records nothing.</returns>
    public static XpGrant? Grant(XpAnswer answer, XpHistory history, DateOnly day, XpOptions options)
    {
        // A wrong answer, or a question already rewarded today.
        if (!answer.Correct || history.LastAwardDay >= day)
        {
            return null;
        }
        var first = history.LastAwardDay is null;
        // Copied from today's reveal: recorded (it still counts as answered correctly, and the day is spent) but worth
        // nothing; the full XP waits for a day on which the learner recalls it without having just been shown it.
        if (RevealsOnWrong(answer.Type) && history.LastRevealDay >= day)
        {
            return new XpGrant(0, first);
        }
        var full = BaseXp(answer, options);
        if (history.PaidAwards == 0)
        {
            return new XpGrant(full, first);
        }
        // Repeats on later days: less each time, and no more than the day's repeat allowance.
        var room = Math.Max(0, options.RepeatXpPerDay - history.RepeatXpToday);
        var xp = Math.Min(RepeatXp(full, history.PaidAwards), room);
        return xp > 0 ? new XpGrant(xp, false) : null;
    }

    /// <summary>What a first correct answer earns: a flashcard is self-graded, so it earns a small fixed amount.</summary>
    public static int BaseXp(XpAnswer answer, XpOptions options) =>
        answer.Type == QuestionType.Flashcard ? options.FlashcardXp : Math.Max(0, answer.QuestionXp);

    /// <summary>
    /// The n-th repeat (<paramref name="earlierAwards"/> = n ≥ 1) earns the base XP × ½^(n+1) rounded down, at least 1:
    /// ¼ the first time, ⅛ the second, 1/16 the third…
    /// </summary>
    public static int RepeatXp(int baseXp, int earlierAwards)
    {
        if (baseXp <= 0)
        {
            return 0;
        }
        var halvings = Math.Min(Math.Max(earlierAwards, 1) + 1, 30);
        return Math.Max(1, baseXp >> halvings);
    }

    /// <summary>
    /// Whether a wrong answer's reply shows the answer (<c>expectedAnswer</c>): multiple choice and fill-in-the-blank do.
    /// A flashcard's back is shown by design (it is self-rated), and a code question's reply shows only the tests.
    /// </summary>
    public static bool RevealsOnWrong(QuestionType type) => type is QuestionType.MultipleChoice or QuestionType.FillInTheBlank;
}
