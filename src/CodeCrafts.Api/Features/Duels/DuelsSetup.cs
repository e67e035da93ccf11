using System.Text.Json.Serialization;
using CodeCrafts.Api.Common;
using CodeCrafts.Api.Common.Limits;
using CodeCrafts.Api.Features.Leagues;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>The name problem details give the duels-created-per-learner limit.</summary>
internal static class DuelLimits
{
    public const string CreatedPerLearner = "duels-created-per-learner";
}

internal static class DuelsSetup
{
    public static WebApplicationBuilder AddDuels(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DuelOptions>()
            .Bind(builder.Configuration.GetSection(DuelOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<MatchmakingQueue>();
        builder.Services.AddScoped<DuelStarter>();
        builder.Services.AddScoped<DuelRatings>();
        builder.Services.AddScoped<Matchmaker>();
        builder.Services.AddScoped<DuelFinisher>();
        builder.Services.AddScoped<DuelCreation>();
        builder.Services.AddScoped<DuelAcceptance>();
        builder.Services.AddScoped<DuelAnswers>();
        builder.Services.AddScoped<DuelQueries>();
        builder.Services.AddScoped<DuelSweeper>();
        builder.Services.AddHostedService<DuelSweeperService>();
        AddDuelEvents(builder);
        return builder;
    }

    /// <summary>
    /// The duel events, composed here and only here: duel code calls <see cref="DuelEvents"/>, which logs and traces each
    /// event and then tells every <see cref="IDuelEvents"/> observer. Observers are added, never replaced, so the order in
    /// which features register theirs (SignalR here, the duel boards in Leaderboards) changes nothing.
    /// </summary>
    private static void AddDuelEvents(WebApplicationBuilder builder)
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
        builder.Services.AddSingleton<DuelEvents>();
        builder.Services.AddSingleton<IDuelEvents, SignalRDuelEvents>();
        // This hub is the app's one live channel, so it also carries the leagues' events.
        builder.Services.AddSingleton<ILeagueEvents, SignalRLeagueEvents>();
    }

    public static IEndpointRouteBuilder MapDuelsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/duels").WithTags("Duels").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/", DuelsApi.CreateAsync).WithName("CreateDuel")
            .WithSummary("Challenge a user, play a bot, or join matchmaking")
            .WithDescription("A challenge is pending until the opponent accepts, declines or it expires; a bot duel starts at once; " +
                             "matchmaking returns the queue entry (poll it) or, if paired at once, the duel. " +
                             "A bot's rating stays within 400 of yours (Duels:BotRatingBand): a botRating outside that band is a 400 naming botRating, " +
                             "a botLevel is moved to the nearest rating inside it. While a duel is active its questions cannot be practised " +
                             "(POST /api/questions/{id}/attempts answers 409), so no reply shows their answers before the duel has finished.")
            .WithRequestBodyLimit()
            .RequireLearnerLimit(DuelLimits.CreatedPerLearner, o => o.DuelsCreatedPerLearner, "duels created")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", DuelsApi.ListAsync).WithName("ListDuels")
            .WithSummary("My duels, newest first, optionally by status")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", DuelsApi.GetAsync).WithName("GetDuel")
            .WithSummary("A duel: players, questions (never their answers), live progress and the result")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/accept", DuelsApi.AcceptAsync).WithName("AcceptDuel")
            .WithSummary("Accept a challenge: the duel starts now")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/decline", DuelsApi.DeclineAsync).WithName("DeclineDuel")
            .WithSummary("Decline a challenge, withdraw your own, or leave the matchmaking queue")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/answers", DuelsApi.AnswerAsync).WithName("AnswerDuelQuestion")
            .WithSummary("Answer one question of an active duel (once per question, before the deadline)")
            .WithDescription("Graded like a lesson attempt but awards no XP. The time taken is measured by the server.")
            .WithRequestBodyLimit()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapHub<DuelsHub>(DuelsHub.Path);
        return app;
    }
}
