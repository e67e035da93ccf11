using System.Security.Claims;
using CodeCrafts.Api.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CodeCrafts.Api.Features.Leaderboards;

internal static class LeaderboardsApi
{
    public const int DefaultLimit = 10;

    public static WebApplicationBuilder AddLeaderboards(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LeaderboardTelemetry>();
        builder.Services.AddScoped<LeaderboardSource>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<DisplayNames>();
        builder.Services.AddSingleton<LeaderboardRebuilder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LeaderboardRebuilder>());
        builder.Services.AddSingleton<LeaderboardStore>();
        builder.Services.AddSingleton<Progress.IXpAwardObserver, XpBoardObserver>();
        builder.Services.AddSingleton<TopSnapshots>();
        builder.Services.AddSingleton<LeaderboardReader>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLeaderboardsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/leaderboards").WithTags("Leaderboards").RequireAuthorization();
        group.MapGet("/{board}", GetLeaderboard)
            .WithName("GetLeaderboard")
            .WithSummary("Top learners on a board (xp or duels), weekly or all time, with the caller's own rank")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <param name="board">xp or duels.</param>
    private static async Task<Results<Ok<LeaderboardResponse>, ProblemHttpResult>> GetLeaderboard(
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
