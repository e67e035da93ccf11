using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Duels;

internal static class DuelEventsSetup
{
    public static WebApplicationBuilder AddDuelEvents(this WebApplicationBuilder builder)
    {
        // Enums as names, as the HTTP API writes them: a client reads "ChallengerWon" from either.
        var signalR = builder.Services.AddSignalR()
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var cache = builder.Configuration.GetConnectionString(ResourceNames.Cache);
        if (!string.IsNullOrWhiteSpace(cache))
        {
            // The backplane: a message for a group reaches every replica, and each delivers it to its own connections.
            signalR.AddStackExchangeRedis(cache, options =>
                options.Configuration.ChannelPrefix = RedisChannel.Literal("codecrafts:signalr"));
        }
        builder.Services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        // Replaces the logging publisher that AddDuels registers: call this after AddDuels.
        builder.Services.AddSingleton<SignalRDuelEvents>();
        builder.Services.AddSingleton<Leaderboards.BoardAwareDuelEvents>();
        builder.Services.AddSingleton<IDuelEvents>(sp => new LoggingDuelEvents(
            sp.GetRequiredService<Leaderboards.BoardAwareDuelEvents>(), sp.GetRequiredService<ILogger<LoggingDuelEvents>>()));
        return builder;
    }

    public static IEndpointRouteBuilder MapDuelEventsHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<DuelsHub>(DuelsHub.Path);
        return app;
    }
}
