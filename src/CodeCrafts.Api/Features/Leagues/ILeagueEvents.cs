namespace CodeCrafts.Api.Features.Leagues;

/// <summary>
/// Where league events go: the live hub (Duels' <c>/hubs/duels</c>, which implements this so that Leagues needs no
/// import of Duels). Never throws, never awaited on an answer's path.
/// </summary>
public interface ILeagueEvents
{
    Task RankChangedAsync(Guid userId, LeagueRankChanged e);
}

/// <summary>Sent to a learner whose rank in their cohort changed: they moved, or someone passed them.</summary>
/// <param name="Week">The ISO week, e.g. 2026-W25.</param>
/// <param name="Rank">The learner's new rank in the cohort, 1-based.</param>
/// <param name="PreviousRank">Their rank before, or null when they just joined.</param>
/// <param name="WeeklyXp">Their weekly XP, when it was their own answer that moved them; null when they were passed.</param>
public sealed record LeagueRankChanged(string Week, int Rank, int? PreviousRank, long? WeeklyXp);
