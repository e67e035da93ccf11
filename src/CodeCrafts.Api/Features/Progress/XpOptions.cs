using System.ComponentModel.DataAnnotations;

namespace CodeCrafts.Api.Features.Progress;

/// <summary>The XP rules' tunable amounts (section <c>Xp</c>); the rules themselves are <see cref="XpRules"/>.</summary>
public sealed class XpOptions
{
    public const string Section = "Xp";
    public const int DefaultFlashcardXp = 2;
    public const int DefaultRepeatXpPerDay = 20;

    /// <summary>What a flashcard earns the first time, whatever its lesson's XP: it is graded by the learner.</summary>
    [Range(0, 100)]
    public int FlashcardXp { get; set; } = DefaultFlashcardXp;

    /// <summary>The most XP a learner earns from repeats (questions rewarded on an earlier day) in one day.</summary>
    [Range(0, 10_000)]
    public int RepeatXpPerDay { get; set; } = DefaultRepeatXpPerDay;
}
