namespace CodeCrafts.Api.Features.Attempts;

/// <summary>
/// The event every answer ends with. This feature depends on no other, so Questions can publish it and Progress,
/// Streaks and Leaderboards can observe it without importing each other (features add observers with
/// <c>AddSingleton&lt;IAttemptObserver, …&gt;</c>; their order does not matter).
/// </summary>
internal static class AttemptsSetup
{
    public static WebApplicationBuilder AddAttempts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AttemptEvents>();
        return builder;
    }
}
