using CodeCrafts.Api.Features.Duels;

namespace CodeCrafts.Api.Features.Leaderboards;

/// <summary>When a duel finishes, its players' new ratings (carried by the event) move the duel boards.</summary>
internal sealed class DuelBoardObserver(LeaderboardStore store) : IDuelEvents
{
    public async Task DuelFinishedAsync(DuelFinished e, CancellationToken cancellationToken)
    {
        foreach (var player in e.Ratings)
        {
            await store.RecordRatingAsync(player.UserId, player.Rating, player.RatedAt);
        }
    }
}
