namespace CodeCrafts.Api.Features.Duels;

/// <summary>What a client connected to /hubs/duels receives; each method is an event name on the wire.</summary>
public interface IDuelClient
{
    Task OpponentJoined(DuelPlayerEvent e);

    /// <summary>Sent to both players; a client ignores its own (compare <c>userId</c> with its own id).</summary>
    Task PlayerAnswered(DuelAnswerEvent e);

    Task BotAnswered(DuelBotAnswerEvent e);

    Task DuelFinished(DuelFinishedEvent e);

    /// <summary>The other player opened the duel's live view (joined its group on some replica).</summary>
    Task PlayerConnected(DuelPlayerEvent e);
}

public sealed record DuelPlayerEvent(Guid DuelId, Guid UserId);

public sealed record DuelAnswerEvent(Guid DuelId, Guid UserId, int Position);

public sealed record DuelBotAnswerEvent(Guid DuelId, int Position);

/// <param name="Result">The duel flow's result: outcome, scores, rating changes.</param>
public sealed record DuelFinishedEvent(Guid DuelId, object Result);
