using CodeCrafts.Data.Entities;

namespace CodeCrafts.Api.Features.Leagues;

/// <summary>
/// Who moves at a week's end. The top <see cref="LeagueOptions.Promote"/> move up (not from Diamond), the bottom
/// <see cref="LeagueOptions.Demote"/> move down (not from Bronze); in a cohort too small for both, the promotion zone
/// wins, so nobody is in both. Settlement applies the same rule in SQL (<see cref="LeagueSettler"/>).
/// </summary>
internal static class LeagueZones
{
    public static int PromotionRanks(LeagueTier tier, int size, LeagueOptions o) =>
        tier == LeagueTier.Diamond ? 0 : Math.Min(o.Promote, size);

    /// <summary>The first rank that moves down, or null when none does.</summary>
    public static int? DemotionFrom(LeagueTier tier, int size, LeagueOptions o)
    {
        if (tier == LeagueTier.Bronze || o.Demote == 0)
        {
            return null;
        }
        var first = Math.Max(size - o.Demote, PromotionRanks(tier, size, o)) + 1;
        return first <= size ? first : null;
    }

    public static string Of(int rank, int promotionRanks, int? demotionFrom) =>
        rank <= promotionRanks ? LeagueWords.Up : rank >= demotionFrom ? LeagueWords.Down : LeagueWords.Stay;
}
