using CodeCrafts.Api.Features.Duels;
using CodeCrafts.Api.Features.Progress;
using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Leaderboards;

/// <summary>Every committed XP award moves the XP boards.</summary>
internal sealed class XpBoardObserver(LeaderboardStore store) : IXpAwardObserver
{
    public Task OnXpAwardedAsync(XpAwarded award, CancellationToken cancellationToken) =>
        store.RecordXpAsync(award.UserId, award.Xp, award.AwardedAt, cancellationToken);
}

/// <summary>
/// Forwards duel events to the live publisher and, when a duel finishes, writes the players' new ratings to the
/// duel boards. Ratings are read back from PostgreSQL (the finish committed them) so the board holds absolute values.
/// </summary>
internal sealed class BoardAwareDuelEvents(SignalRDuelEvents live, LeaderboardStore store, IServiceScopeFactory scopes) : IDuelEvents
{
    public Task ChallengeReceivedAsync(ChallengeReceived e, CancellationToken cancellationToken) => live.ChallengeReceivedAsync(e, cancellationToken);

    public Task DuelStartedAsync(DuelStarted e, CancellationToken cancellationToken) => live.DuelStartedAsync(e, cancellationToken);

    public Task OpponentAnsweredAsync(OpponentAnswered e, CancellationToken cancellationToken) => live.OpponentAnsweredAsync(e, cancellationToken);

    public Task BotAnsweredAsync(BotAnswered e, CancellationToken cancellationToken) => live.BotAnsweredAsync(e, cancellationToken);

    public async Task DuelFinishedAsync(DuelFinished e, CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>();
            var rated = await db.Users.AsNoTracking()
                .Where(u => e.Recipients.Contains(u.Id) && u.RatedAt != null)
                .Select(u => new { u.Id, u.Rating, u.RatedAt })
                .ToListAsync(cancellationToken);
            foreach (var player in rated)
            {
                await store.RecordRatingAsync(player.Id, player.Rating, player.RatedAt!.Value, cancellationToken);
            }
        }
        await live.DuelFinishedAsync(e, cancellationToken);
    }
}
