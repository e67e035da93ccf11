using System.Text.Json.Serialization;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>A challenge was sent: the opponent may accept or decline until it expires.</summary>
public sealed record ChallengeReceived(Guid DuelId, Guid ChallengerId, Guid OpponentId, ProgrammingLanguage Language, DateTimeOffset ExpiresAt);

/// <summary>
/// The duel started: a challenge was accepted, matchmaking paired two players, or a bot joined.
/// <paramref name="Recipients"/> are the human players (both are told their opponent joined).
/// </summary>
public sealed record DuelStarted(Guid DuelId, IReadOnlyList<Guid> Recipients, OpponentKind OpponentKind, DateTimeOffset StartedAt, DateTimeOffset Deadline);

/// <summary>The opponent answered a question. Deliberately without the answer or its verdict.</summary>
public sealed record OpponentAnswered(Guid DuelId, Guid RecipientId, int Position, int AnsweredCount);

/// <summary>The bot's planned answer became visible on the duel's clock.</summary>
public sealed record BotAnswered(Guid DuelId, Guid RecipientId, int Position, bool IsCorrect, DateTimeOffset AnsweredAt);

/// <summary>The duel finished: the result with both scores, times and rating changes, for both players.</summary>
public sealed record DuelFinished(Guid DuelId, IReadOnlyList<Guid> Recipients, DuelResultView Result)
{
    /// <summary>The human players' new ratings as committed (for the boards; clients read the changes in <see cref="Result"/>).</summary>
    [JsonIgnore]
    public IReadOnlyList<PlayerRating> Ratings { get; init; } = [];
}

/// <summary>A player's rating after a duel, and when it was set (Users.Rating and RatedAt).</summary>
public sealed record PlayerRating(Guid UserId, double Rating, DateTimeOffset RatedAt);

/// <summary>
/// An observer of duel events: live delivery (SignalR), the duel boards. Told after the change is committed, never inside a
/// transaction, by <see cref="DuelEvents"/>; an observer implements the events it cares about (the rest do nothing).
/// </summary>
public interface IDuelEvents
{
    Task ChallengeReceivedAsync(ChallengeReceived e, CancellationToken cancellationToken) => Task.CompletedTask;

    Task DuelStartedAsync(DuelStarted e, CancellationToken cancellationToken) => Task.CompletedTask;

    Task OpponentAnsweredAsync(OpponentAnswered e, CancellationToken cancellationToken) => Task.CompletedTask;

    Task BotAnsweredAsync(BotAnswered e, CancellationToken cancellationToken) => Task.CompletedTask;

    Task DuelFinishedAsync(DuelFinished e, CancellationToken cancellationToken) => Task.CompletedTask;
}
