using CodeCrafts.Api.Features.Attempts;
using CodeCrafts.Api.Features.Duels;

namespace CodeCrafts.Api.Features.Leaderboards;

internal static class LeaderboardsSetup
{
    public static WebApplicationBuilder AddLeaderboards(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LeaderboardTelemetry>();
        builder.Services.AddSingleton<TopSnapshots>();
        builder.Services.AddSingleton<LeaderboardRebuilder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LeaderboardRebuilder>());
        builder.Services.AddSingleton<LeaderboardStore>();
        // Answers that earn XP move the XP boards; finished duels move the duel boards.
        builder.Services.AddSingleton<IAttemptObserver>(sp => sp.GetRequiredService<LeaderboardStore>());
        builder.Services.AddSingleton<IDuelEvents, DuelBoardObserver>();
        builder.Services.AddScoped<LeaderboardSource>();
        builder.Services.AddScoped<DisplayNames>();
        builder.Services.AddScoped<LeaderboardReader>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLeaderboardsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/leaderboards").WithTags("Leaderboards").RequireAuthorization();
        group.MapGet("/{board}", LeaderboardsApi.GetLeaderboard)
            .WithName("GetLeaderboard")
            .WithSummary("Top learners on a board (xp or duels), weekly or all time, with the caller's own rank")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
