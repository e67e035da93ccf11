using System.ComponentModel;

namespace CodeCrafts.Api.Features.Leagues;

/// <summary>The caller's league this week.</summary>
public sealed record LeagueCurrentResponse(
    [property: Description("The ISO week (UTC), e.g. 2026-W25.")] string Week,
    [property: Description("When the week ends and is settled (UTC, Monday 00:00).")] DateTimeOffset EndsAt,
    [property: Description("placed: in a cohort; waiting: placed, but last week's result is being settled, so the cohort is not known yet (seconds); unplaced: no XP this week yet (the first XP places the caller).")] string Status,
    [property: Description("The caller's tier: Bronze, Silver, Gold, Sapphire, Ruby, Emerald, Amethyst, Pearl, Obsidian or Diamond.")] string Tier,
    [property: Description("The tier's position, 0 (Bronze) to 9 (Diamond).")] int TierLevel,
    [property: Description("The caller's rank in the cohort (1-based) when placed; null otherwise.")] int? Rank,
    [property: Description("The caller's XP this league week.")] long WeeklyXp,
    [property: Description("The whole cohort (at most 30), best first; ties go to whoever reached the score first.")] IReadOnlyList<LeagueStanding> Standings,
    [property: Description("Ranks 1 to this move up a tier at the week's end; 0 in Diamond (nobody moves up).")] int PromotionRanks,
    [property: Description("This rank and below move down a tier; null in Bronze (nobody moves down) or when the cohort is too small to have a bottom outside the promotion zone.")] int? DemotionFromRank);

/// <summary>One learner of the caller's cohort.</summary>
public sealed record LeagueStanding(
    [property: Description("1-based rank in the cohort.")] int Rank,
    [property: Description("The learner.")] Guid UserId,
    [property: Description("The learner's display name.")] string DisplayName,
    [property: Description("XP earned this league week.")] long WeeklyXp,
    [property: Description("True on the caller's own row.")] bool IsMe,
    [property: Description("up (promotion zone), down (demotion zone) or stay.")] string Zone);

/// <summary>One settled week of the caller's.</summary>
public sealed record LeagueWeekResult(
    [property: Description("The ISO week (UTC), e.g. 2026-W25.")] string Week,
    [property: Description("The tier the caller competed in.")] string Tier,
    [property: Description("The caller's final rank in the cohort.")] int Rank,
    [property: Description("How many learners the cohort had.")] int CohortSize,
    [property: Description("The caller's XP that week.")] long WeeklyXp,
    [property: Description("up (promoted), down (demoted) or stay.")] string Move,
    [property: Description("The tier the caller moved to.")] string NewTier);

/// <summary>The league's fixed words in responses.</summary>
public static class LeagueWords
{
    public const string Unplaced = "unplaced";
    public const string Waiting = "waiting";
    public const string Placed = "placed";
    public const string Up = "up";
    public const string Down = "down";
    public const string Stay = "stay";
}
