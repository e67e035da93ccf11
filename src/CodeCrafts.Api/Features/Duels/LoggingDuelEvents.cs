using System.Diagnostics;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>
/// Records every duel event in the log and on the current trace, then hands it to <paramref name="next"/> (live delivery
/// and the boards, when configured), so wiring SignalR in does not cost the events their place in the dashboard.
/// </summary>
internal sealed partial class LoggingDuelEvents(IDuelEvents? next, ILogger<LoggingDuelEvents> logger) : IDuelEvents
{
    public Task ChallengeReceivedAsync(ChallengeReceived e, CancellationToken cancellationToken)
    {
        Trace("duel.challenge_received", e.DuelId);
        LogChallenge(logger, e.DuelId, e.ChallengerId, e.OpponentId);
        return next?.ChallengeReceivedAsync(e, cancellationToken) ?? Task.CompletedTask;
    }

    public Task DuelStartedAsync(DuelStarted e, CancellationToken cancellationToken)
    {
        Trace("duel.started", e.DuelId);
        LogStarted(logger, e.DuelId, e.OpponentKind.ToString(), e.Deadline);
        return next?.DuelStartedAsync(e, cancellationToken) ?? Task.CompletedTask;
    }

    public Task OpponentAnsweredAsync(OpponentAnswered e, CancellationToken cancellationToken)
    {
        Trace("duel.opponent_answered", e.DuelId);
        LogAnswered(logger, e.DuelId, e.RecipientId, e.Position);
        return next?.OpponentAnsweredAsync(e, cancellationToken) ?? Task.CompletedTask;
    }

    public Task BotAnsweredAsync(BotAnswered e, CancellationToken cancellationToken)
    {
        Trace("duel.bot_answered", e.DuelId);
        LogBotAnswered(logger, e.DuelId, e.Position);
        return next?.BotAnsweredAsync(e, cancellationToken) ?? Task.CompletedTask;
    }

    public Task DuelFinishedAsync(DuelFinished e, CancellationToken cancellationToken)
    {
        Trace("duel.finished", e.DuelId);
        LogFinished(logger, e.DuelId, e.Result.Outcome.ToString(), e.Result.WinnerId);
        return next?.DuelFinishedAsync(e, cancellationToken) ?? Task.CompletedTask;
    }

    private static void Trace(string name, Guid duelId) =>
        Activity.Current?.AddEvent(new ActivityEvent(name, tags: new ActivityTagsCollection { ["duel.id"] = duelId.ToString() }));

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
