namespace CodeCrafts.Api.Features.Duels;

/// <summary>
/// Live events of a duel, published by the duel flow after each change has committed. The SignalR implementation
/// pushes them to the duel's two players whichever replica they are connected to.
/// </summary>
public interface IDuelEvents
{
    /// <summary>The opponent accepted (or matchmaking paired them): the duel has two players.</summary>
    Task OpponentJoinedAsync(Guid duelId, Guid userId);

    /// <summary>A player answered the question at <paramref name="position"/>; what they answered is not revealed.</summary>
    Task PlayerAnsweredAsync(Guid duelId, Guid userId, int position);

    /// <summary>The bot's clock passed its answer to the question at <paramref name="position"/>.</summary>
    Task BotAnsweredAsync(Guid duelId, int position);

    /// <summary>The duel is over; <paramref name="result"/> carries the outcome, scores and rating changes.</summary>
    Task DuelFinishedAsync(Guid duelId, object result);
}
