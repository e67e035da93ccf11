using CodeCrafts.Api.Common;
using CodeCrafts.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>
/// Live duel events at /hubs/duels. Authenticated connections only (a browser passes the access token as
/// <c>?access_token=</c>, see AuthSetup); a connection receives a duel's events after <see cref="JoinDuel"/>.
/// </summary>
[Authorize]
internal sealed class DuelsHub(CodeCraftsDbContext db) : Hub<IDuelClient>
{
    public const string Path = "/hubs/duels";

    public static string GroupName(Guid duelId) => $"duel:{duelId:N}";

    /// <summary>Subscribes this connection to a duel's events; only its challenger and opponent may.</summary>
    public async Task JoinDuel(Guid duelId)
    {
        var userId = Context.User!.GetUserId();
        var isPlayer = await db.Duels.AsNoTracking()
            .AnyAsync(d => d.Id == duelId && (d.ChallengerId == userId || d.OpponentId == userId), Context.ConnectionAborted);
        if (!isPlayer)
        {
            // The same answer for "no such duel" and "not yours": a stranger learns nothing about other duels.
            throw new HubException("You can only follow duels you play in.");
        }
        var group = GroupName(duelId);
        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        await Clients.OthersInGroup(group).PlayerConnected(new DuelPlayerEvent(duelId, userId));
    }

    public Task LeaveDuel(Guid duelId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(duelId), Context.ConnectionAborted);
}
