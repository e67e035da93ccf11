namespace CodeCrafts.Api.Features.Duels;

internal static class DuelsSetup
{
    public static WebApplicationBuilder AddDuels(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DuelOptions>()
            .Bind(builder.Configuration.GetSection(DuelOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<IDuelEvents>(sp => new LoggingDuelEvents(null, sp.GetRequiredService<ILogger<LoggingDuelEvents>>()));
        builder.Services.AddSingleton<MatchmakingQueue>();
        builder.Services.AddSingleton<DuelStarter>();
        builder.Services.AddSingleton<DuelRatings>();
        builder.Services.AddSingleton<QuestionRatings>();
        builder.Services.AddScoped<Matchmaker>();
        builder.Services.AddScoped<DuelFinisher>();
        builder.Services.AddScoped<DuelCreation>();
        builder.Services.AddScoped<DuelAcceptance>();
        builder.Services.AddScoped<DuelAnswers>();
        builder.Services.AddScoped<DuelQueries>();
        builder.Services.AddScoped<DuelSweeper>();
        builder.Services.AddHostedService<DuelSweeperService>();
        return builder;
    }
}
