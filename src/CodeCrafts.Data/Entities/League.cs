namespace CodeCrafts.Data.Entities;

/// <summary>The ten league tiers, lowest first; stored as their number so settlement can move a learner by ±1.</summary>
public enum LeagueTier
{
    Bronze,
    Silver,
    Gold,
    Sapphire,
    Ruby,
    Emerald,
    Amethyst,
    Pearl,
    Obsidian,
    Diamond,
}

/// <summary>A learner's tier between weeks. No row means Bronze: a new learner needs no write until a week moves them.</summary>
public class LeagueMember
{
    public Guid UserId { get; set; }
    public LeagueTier Tier { get; set; }
}

/// <summary>
/// One ISO week (UTC) of the leagues: created with the week's first placement, closed once no answer of the week can
/// still commit (later answers count for the next week), settled exactly once (claiming <see cref="SettledAt"/> is the
/// settlement's guard).
/// </summary>
public class LeagueWeek
{
    /// <summary>The Monday (UTC) the week starts.</summary>
    public DateOnly WeekStart { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? SettledAt { get; set; }
    public int Placed { get; set; }
    public int Promoted { get; set; }
    public int Demoted { get; set; }
}

/// <summary>How many learners of a tier joined a week so far: the join order, and so the cohort, of the next one.</summary>
public class LeagueCohortFill
{
    public DateOnly WeekStart { get; set; }
    public LeagueTier Tier { get; set; }
    public int Joined { get; set; }
}

/// <summary>
/// A learner's place in a week's league, created with their first XP of the week. Tier, cohort and join order are null
/// while the placement waits for the previous week's settlement to decide the learner's tier.
/// </summary>
public class LeaguePlacement
{
    public DateOnly WeekStart { get; set; }
    public Guid UserId { get; set; }
    public LeagueTier? Tier { get; set; }
    /// <summary>0-based number of the cohort within (week, tier): join order / cohort size.</summary>
    public int? Cohort { get; set; }
    /// <summary>1-based position among the tier's joiners of the week.</summary>
    public int? JoinOrder { get; set; }
    public long Xp { get; set; }
    /// <summary>When <see cref="Xp"/> reached its current value: the tie-break (earlier ranks higher).</summary>
    public DateTimeOffset ReachedAt { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}

/// <summary>A learner's settled week: where they finished in their cohort and the tier they move to.</summary>
public class LeagueResult
{
    public DateOnly WeekStart { get; set; }
    public Guid UserId { get; set; }
    public LeagueTier Tier { get; set; }
    public int Cohort { get; set; }
    public int Rank { get; set; }
    public int CohortSize { get; set; }
    public long Xp { get; set; }
    public LeagueTier NewTier { get; set; }
}
