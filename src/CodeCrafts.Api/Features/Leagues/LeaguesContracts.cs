namespace CodeCrafts.Api.Features.Leagues;

/// <summary>The caller's league this week.</summary>
/// <param name="Week">The ISO week (UTC), e.g. 2026-W25.</param>
/// <param name="EndsAt">When the week ends and is settled (UTC, Monday 00:00).</param>
/// <param name="Status">placed: in a cohort; waiting: placed, but last week's result must be settled before the cohort is known (seconds); unplaced: no XP this week yet, so not in a league (the first XP places the caller).</param>
/// <param name="Tier">The caller's tier: Bronze, Silver, Gold, Sapphire, Ruby, Emerald, Amethyst, Pearl, Obsidian or Diamond.</param>
/// <param name="TierLevel">The tier's position, 0 (Bronze) to 9 (Diamond).</param>
/// <param name="Rank">The caller's rank in the cohort (1-based), when placed.</param>
/// <param name="WeeklyXp">The caller's XP this league week.</param>
/// <param name="Standings">The whole cohort (at most the cohort size), best first; ties go to whoever reached the score first.</param>
/// <param name="PromotionRanks">Ranks 1 to this move up a tier at the week's end; 0 in Diamond (nobody moves up).</param>
/// <param name="DemotionFromRank">This rank and below move down a tier; null in Bronze (nobody moves down) or while the cohort is too small to have a bottom outside the promotion zone.</param>
public sealed record LeagueCurrentResponse(
    string Week, DateTimeOffset EndsAt, string Status, string Tier, int TierLevel, int? Rank, long WeeklyXp,
    IReadOnlyList<LeagueStanding> Standings, int PromotionRanks, int? DemotionFromRank);

/// <summary>One learner of the caller's cohort.</summary>
/// <param name="Rank">1-based.</param>
/// <param name="WeeklyXp">XP earned this league week.</param>
/// <param name="IsMe">True on the caller's own row.</param>
/// <param name="Zone">up (promotion zone), down (demotion zone) or stay.</param>
public sealed record LeagueStanding(int Rank, Guid UserId, string DisplayName, long WeeklyXp, bool IsMe, string Zone);

/// <summary>One settled week of the caller's.</summary>
/// <param name="Week">The ISO week (UTC), e.g. 2026-W25.</param>
/// <param name="Tier">The tier the caller competed in.</param>
/// <param name="Rank">The caller's final rank in the cohort.</param>
/// <param name="CohortSize">How many learners the cohort had.</param>
/// <param name="WeeklyXp">The caller's XP that week.</param>
/// <param name="Move">up (promoted), down (demoted) or stay.</param>
/// <param name="NewTier">The tier the caller moved to.</param>
public sealed record LeagueWeekResult(string Week, string Tier, int Rank, int CohortSize, long WeeklyXp, string Move, string NewTier);

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
