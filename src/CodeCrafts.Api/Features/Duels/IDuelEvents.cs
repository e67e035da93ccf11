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
public sealed record DuelFinished(Guid DuelId, IReadOnlyList<Guid> Recipients, DuelResultView Result);

/// <summary>
/// Where duel events go for live clients. Called after the change is committed, never inside a transaction,
/// and an implementation must not throw into the caller (the event is a notification, the database holds the truth).
/// <see cref="LoggingDuelEvents"/> logs and traces each event, then passes it on to the boards and SignalR (DuelEventsSetup).
/// </summary>
public interface IDuelEvents
{
    Task ChallengeReceivedAsync(ChallengeReceived e, CancellationToken cancellationToken);

    Task DuelStartedAsync(DuelStarted e, CancellationToken cancellationToken);

    Task OpponentAnsweredAsync(OpponentAnswered e, CancellationToken cancellationToken);

    Task BotAnsweredAsync(BotAnswered e, CancellationToken cancellationToken);

    Task DuelFinishedAsync(DuelFinished e, CancellationToken cancellationToken);
}
