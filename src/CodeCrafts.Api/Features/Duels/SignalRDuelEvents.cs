using CodeCrafts.Api.Common;
using Microsoft.AspNetCore.SignalR;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>
/// Publishes duel events to the duel's group, and a challenge to the challenged player. With Redis configured the
/// hub's backplane carries them to the replica each player is connected to, so the publishing replica need not hold the connection.
/// A failed push is logged, never thrown: the database holds the truth and clients can always poll.
/// </summary>
internal sealed partial class SignalRDuelEvents(IHubContext<DuelsHub, IDuelClient> hub, RedisAccessor redis, ILogger<SignalRDuelEvents> logger) : IDuelEvents
{
    public Task ChallengeReceivedAsync(ChallengeReceived e, CancellationToken cancellationToken) =>
        SafelyAsync(e.DuelId, () => hub.Clients.User(e.OpponentId.ToString()).ChallengeReceived(e));

    public Task DuelStartedAsync(DuelStarted e, CancellationToken cancellationToken) =>
        SafelyAsync(e.DuelId, async () =>
        {
            await Group(e.DuelId).OpponentJoined(e);
            // Matchmade players learn the duel's id from this: they cannot have joined its group yet.
            await hub.Clients.Users(e.Recipients.Select(r => r.ToString()).ToList()).DuelStarted(e);
        });

    public Task OpponentAnsweredAsync(OpponentAnswered e, CancellationToken cancellationToken) =>
        SafelyAsync(e.DuelId, () => Group(e.DuelId).PlayerAnswered(e));

    public Task BotAnsweredAsync(BotAnswered e, CancellationToken cancellationToken) =>
        SafelyAsync(e.DuelId, () => Group(e.DuelId).BotAnswered(e));

    public Task DuelFinishedAsync(DuelFinished e, CancellationToken cancellationToken) =>
        SafelyAsync(e.DuelId, () => Group(e.DuelId).DuelFinished(e));

    private IDuelClient Group(Guid duelId) => hub.Clients.Group(DuelsHub.GroupName(duelId));

    private async Task SafelyAsync(Guid duelId, Func<Task> send)
    {
        // With the backplane a push is a Redis PUBLISH: a stalled Redis gets the request's budget and no more, and
        // none at all once it is known to be stalled. The push still goes out when Redis answers again.
        Task? push = null;
        try
        {
            push = send();
            await push.WaitAsync(redis.IsStalled ? TimeSpan.Zero : redis.Budget);
        }
        catch (TimeoutException ex) when (push is { IsCompleted: false })
        {
            RedisAccessor.Abandon(push);
            LogPushDelayed(logger, duelId, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPushFailed(logger, duelId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live event of duel {DuelId} is still on its way ({Reason}); the request does not wait for it")]
    private static partial void LogPushDelayed(ILogger logger, Guid duelId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push a live event of duel {DuelId}")]
    private static partial void LogPushFailed(ILogger logger, Guid duelId, Exception exception);
}
