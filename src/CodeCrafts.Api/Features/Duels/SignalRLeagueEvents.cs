using CodeCrafts.Api.Features.Leagues;
using Microsoft.AspNetCore.SignalR;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>League rank changes, to every connection of the learner (on any replica, through the backplane). Never throws.</summary>
internal sealed partial class SignalRLeagueEvents(IHubContext<DuelsHub, IDuelClient> hub, ILogger<SignalRLeagueEvents> logger) : ILeagueEvents
{
    public async Task RankChangedAsync(Guid userId, LeagueRankChanged e)
    {
        try
        {
            await hub.Clients.User(userId.ToString()).LeagueRankChanged(e);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPushFailed(logger, userId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push a league rank change to {UserId}")]
    private static partial void LogPushFailed(ILogger logger, Guid userId, Exception exception);
}
