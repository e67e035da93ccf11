using Microsoft.AspNetCore.SignalR;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>
/// Publishes duel events to the duel's group. With Redis configured the hub's backplane carries them to the replica
/// each player is connected to, so the publishing replica need not be the one holding the connection.
/// </summary>
internal sealed class SignalRDuelEvents(IHubContext<DuelsHub, IDuelClient> hub) : IDuelEvents
{
    public Task OpponentJoinedAsync(Guid duelId, Guid userId) =>
        Group(duelId).OpponentJoined(new DuelPlayerEvent(duelId, userId));

    public Task PlayerAnsweredAsync(Guid duelId, Guid userId, int position) =>
        Group(duelId).PlayerAnswered(new DuelAnswerEvent(duelId, userId, position));

    public Task BotAnsweredAsync(Guid duelId, int position) =>
        Group(duelId).BotAnswered(new DuelBotAnswerEvent(duelId, position));

    public Task DuelFinishedAsync(Guid duelId, object result) =>
        Group(duelId).DuelFinished(new DuelFinishedEvent(duelId, result));

    private IDuelClient Group(Guid duelId) => hub.Clients.Group(DuelsHub.GroupName(duelId));
}
