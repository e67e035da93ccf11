using CodeCrafts.Api.Features.Attempts;

namespace CodeCrafts.Api.Features.Streaks;

internal static class StreaksSetup
{
    public static WebApplicationBuilder AddStreaks(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StreakCache>();
        builder.Services.AddSingleton<IAttemptObserver>(sp => sp.GetRequiredService<StreakCache>());
        builder.Services.AddScoped<StreakStore>();
        return builder;
    }
}
