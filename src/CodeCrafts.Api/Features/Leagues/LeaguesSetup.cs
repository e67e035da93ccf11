using CodeCrafts.Api.Features.Attempts;

namespace CodeCrafts.Api.Features.Leagues;

/// <summary>
/// Weekly leagues: placements and weekly XP are written by the answer itself (<see cref="LeagueAnswer"/>), cohorts are
/// mirrored in Redis after the commit (<see cref="LeagueObserver"/>), weeks are settled in the background
/// (<see cref="LeagueSettler"/>). The live rank event goes through <see cref="ILeagueEvents"/>, which the hub's feature provides.
/// </summary>
internal static class LeaguesSetup
{
    public static WebApplicationBuilder AddLeagues(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LeagueOptions>()
            .Bind(builder.Configuration.GetSection(LeagueOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IAttemptObserver, LeagueObserver>();
        builder.Services.AddScoped<LeagueNames>();
        builder.Services.AddSingleton<LeagueLocalCache>();
        builder.Services.AddHostedService<LeagueCacheInvalidation>();
        builder.Services.AddScoped<LeagueStandings>();
        builder.Services.AddScoped<LeagueSettler>();
        builder.Services.AddHostedService<LeagueSettlerService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLeaguesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/leagues").WithTags("Leagues").RequireAuthorization();
        group.MapGet("/current", LeaguesApi.GetCurrent)
            .WithName("GetCurrentLeague")
            .WithSummary("The caller's league this week: tier, cohort standings, promotion and demotion zones, and when the week ends")
            .WithDescription("A learner joins this week's league with their first XP of the week, in a cohort of up to 30 learners of "
                             + "their tier, in join order. Standings rank by weekly XP, ties going to whoever reached the score first. "
                             + "At the week's end (Monday 00:00 UTC) the promotion zone moves up a tier and the demotion zone down. "
                             + "Live rank changes arrive on /hubs/duels as LeagueRankChanged.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/history", LeaguesApi.GetHistory)
            .WithName("GetLeagueHistory")
            .WithSummary("The caller's settled weeks, newest first: tier, final rank, weekly XP and the move that followed")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
