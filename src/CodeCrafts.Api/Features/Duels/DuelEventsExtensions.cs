namespace CodeCrafts.Api.Features.Duels;

internal static partial class DuelEventsExtensions
{
    /// <summary>
    /// Publishes after the commit. A failed notification must not turn a committed answer or finish into an
    /// error response: clients can always read the truth with GET /api/duels/{id}.
    /// </summary>
    public static async Task PublishAsync(this IDuelEvents events, ILogger logger, Func<IDuelEvents, Task> publish)
    {
        try
        {
            await publish(events);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A duel event could not be published")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
