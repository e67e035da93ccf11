namespace CodeCrafts.Api.Features.Streaks;

internal static class StreaksSetup
{
    public static WebApplicationBuilder AddStreaks(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StreakCache>();
        builder.Services.AddSingleton<StreakStore>();
        builder.Services.AddHostedService<StreakCacheRepairer>();
        return builder;
    }
}
