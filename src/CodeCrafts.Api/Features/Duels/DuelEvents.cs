using System.Diagnostics;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>
/// The one publisher of duel events: records each in the log and on the current trace, then tells every
/// <see cref="IDuelEvents"/> observer (SignalR for live clients, the duel boards; each feature registers its own, and
/// their order does not matter). Never throws: the change is committed, and clients can always read the truth with
/// GET /api/duels/{id}.
/// </summary>
internal sealed partial class DuelEvents(IEnumerable<IDuelEvents> observers, ILogger<DuelEvents> logger)
{
    private readonly IDuelEvents[] _observers = [.. observers];

    public Task ChallengeReceivedAsync(ChallengeReceived e, CancellationToken cancellationToken)
    {
        Trace("duel.challenge_received", e.DuelId);
        LogChallenge(logger, e.DuelId, e.ChallengerId, e.OpponentId);
        return TellAsync(o => o.ChallengeReceivedAsync(e, cancellationToken));
    }

    public Task DuelStartedAsync(DuelStarted e, CancellationToken cancellationToken)
    {
        Trace("duel.started", e.DuelId);
        LogStarted(logger, e.DuelId, e.OpponentKind.ToString(), e.Deadline);
        return TellAsync(o => o.DuelStartedAsync(e, cancellationToken));
    }

    public Task OpponentAnsweredAsync(OpponentAnswered e, CancellationToken cancellationToken)
    {
        Trace("duel.opponent_answered", e.DuelId);
        LogAnswered(logger, e.DuelId, e.RecipientId, e.Position);
        return TellAsync(o => o.OpponentAnsweredAsync(e, cancellationToken));
    }

    public Task BotAnsweredAsync(BotAnswered e, CancellationToken cancellationToken)
    {
        Trace("duel.bot_answered", e.DuelId);
        LogBotAnswered(logger, e.DuelId, e.Position);
        return TellAsync(o => o.BotAnsweredAsync(e, cancellationToken));
    }

    public Task DuelFinishedAsync(DuelFinished e, CancellationToken cancellationToken)
    {
        Trace("duel.finished", e.DuelId);
        LogFinished(logger, e.DuelId, e.Result.Outcome.ToString(), e.Result.WinnerId);
        return TellAsync(o => o.DuelFinishedAsync(e, cancellationToken));
    }

    private async Task TellAsync(Func<IDuelEvents, Task> tell)
    {
        foreach (var observer in _observers)
        {
            try
            {
                await tell(observer);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogObserverFailed(logger, observer.GetType().Name, ex);
            }
        }
    }

    private static void Trace(string name, Guid duelId) =>
        Activity.Current?.AddEvent(new ActivityEvent(name, tags: new ActivityTagsCollection { ["duel.id"] = duelId.ToString() }));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Duel event observer {Observer} failed")]
    private static partial void LogObserverFailed(ILogger logger, string observer, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duel {DuelId}: challenge from {ChallengerId} to {OpponentId}")]
    private static partial void LogChallenge(ILogger logger, Guid duelId, Guid challengerId, Guid opponentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duel {DuelId}: started against a {OpponentKind}, deadline {Deadline}")]
    private static partial void LogStarted(ILogger logger, Guid duelId, string opponentKind, DateTimeOffset deadline);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Duel {DuelId}: opponent of {RecipientId} answered question {Position}")]
    private static partial void LogAnswered(ILogger logger, Guid duelId, Guid recipientId, int position);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Duel {DuelId}: bot answered question {Position}")]
    private static partial void LogBotAnswered(ILogger logger, Guid duelId, int position);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duel {DuelId}: finished, {Outcome}, winner {WinnerId}")]
    private static partial void LogFinished(ILogger logger, Guid duelId, string outcome, Guid? winnerId);
}
