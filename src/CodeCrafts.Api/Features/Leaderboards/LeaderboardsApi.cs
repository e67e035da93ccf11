using System.Security.Claims;
using CodeCrafts.Api.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CodeCrafts.Api.Features.Leaderboards;

internal static class LeaderboardsApi
{
    public const int DefaultLimit = 10;

    /// <param name="board">xp or duels.</param>
    public static async Task<Results<Ok<LeaderboardResponse>, ProblemHttpResult>> GetLeaderboard(
        string board, [AsParameters] LeaderboardQuery query, ClaimsPrincipal user, LeaderboardReader leaderboards, CancellationToken ct)
    {
        LeaderboardKind? kind = board.ToLowerInvariant() switch
        {
            "xp" => LeaderboardKind.Xp,
            "duels" => LeaderboardKind.Duels,
            _ => null,
        };
        if (kind is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown board",
                detail: $"There is no board '{board}'; the boards are 'xp' and 'duels'.");
        }
        var period = query.Period == "all" ? LeaderboardPeriod.All : LeaderboardPeriod.Weekly;

        var view = await leaderboards.ReadAsync(kind.Value, period, query.Limit ?? DefaultLimit, user.GetUserId(), ct);
        var week = view.Board.Week;
        return TypedResults.Ok(new LeaderboardResponse(
            view.Board.KindName, view.Board.PeriodName, week?.ToString(), week?.End, view.Total, view.Entries, view.Me));
    }
}
