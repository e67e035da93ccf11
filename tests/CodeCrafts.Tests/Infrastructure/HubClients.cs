using CodeCrafts.Api.Features.Auth;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Infrastructure;

/// <summary>A SignalR client on the in-process server's /hubs/duels, as the web app connects (a bearer token).</summary>
internal static class HubClients
{
    public static HubConnection Connect(ApiFactory factory, string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/duels"), options =>
            {
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                // The test server speaks no WebSockets through its handler.
                options.Transports = HttpTransportType.LongPolling;
                options.AccessTokenProvider = () => Task.FromResult(token);
            })
            .Build();

    public static string TokenFor(ApiFactory factory, Guid userId) =>
        factory.Services.GetRequiredService<AccessTokenIssuer>().Issue(userId, "player").Token;
}
