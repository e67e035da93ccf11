using CodeCrafts.Api.Features.Attempts;
using CodeCrafts.Api.Features.Lessons;

namespace CodeCrafts.Api.Features.Progress;

internal static class ProgressSetup
{
    public static WebApplicationBuilder AddProgress(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProgressCache>();
        builder.Services.AddSingleton<IAttemptObserver>(sp => sp.GetRequiredService<ProgressCache>());
        builder.Services.AddScoped<ILearnerLessonCounts, LearnerLessonCounts>();
        builder.Services.AddOptions<XpOptions>()
            .Bind(builder.Configuration.GetSection(XpOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapProgressApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/progress").WithTags("Progress").RequireAuthorization()
            .MapGet("/", ProgressApi.ListProgress)
            .WithName("ListProgress")
            .WithSummary("The caller's progress per started lesson, most recently practised first")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        app.MapGroup("/api/users/me").WithTags("Progress").RequireAuthorization()
            .MapGet("/stats", StatsApi.GetStats)
            .WithName("GetMyStats")
            .WithSummary("The caller's XP, level, streaks, today's XP against the daily goal and the last 30 days")
            .WithDescription("The streak shown is the one in force now, in the caller's time zone: days missed since the last answer use " +
                "the caller's streak freezes (one per day, oldest first) and show as frozen days, and with none left the streak shows 0. " +
                "A read never stores anything; the next answer stores those frozen days.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
