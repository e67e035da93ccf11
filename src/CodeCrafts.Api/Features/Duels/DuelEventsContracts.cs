using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using CodeCrafts.Api.Features.Leagues;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>What a client connected to /hubs/duels receives; each method is an event name on the wire.</summary>
public interface IDuelClient
{
    /// <summary>Sent to the challenged player only.</summary>
    Task ChallengeReceived(ChallengeReceived e);

    /// <summary>The learner's rank in their weekly league cohort changed (they moved, or someone passed them).</summary>
    Task LeagueRankChanged(LeagueRankChanged e);

    /// <summary>The duel started (challenge accepted, matchmaking paired, bot joined), to the duel's group.</summary>
    Task OpponentJoined(DuelStarted e);

    /// <summary>The same start, sent to each human player directly (matchmade players are not in the group yet).</summary>
    Task DuelStarted(DuelStarted e);

    /// <summary>The player named by <c>recipientId</c>'s opponent answered; never the answer or its verdict.</summary>
    Task PlayerAnswered(OpponentAnswered e);

    Task BotAnswered(BotAnswered e);

    Task DuelFinished(DuelFinished e);

    /// <summary>The other player opened the duel's live view (joined its group on some replica).</summary>
    Task PlayerConnected(DuelPlayerEvent e);
}

public sealed record DuelPlayerEvent(Guid DuelId, Guid UserId);

/// <summary>SignalR's user id is the token's <c>sub</c> (inbound claims are not mapped to NameIdentifier here).</summary>
internal sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) =>
        connection.User?.FindFirstValue(JwtRegisteredClaimNames.Sub);
}
