using System.Net;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Limits;

/// <summary>
/// Api replicas with the limits a test chooses, over one database and (optionally) one Redis, behind a trusted proxy:
/// the in-process server has no TCP peer, so each request arrives "from" 127.0.0.1, the proxy named in
/// <c>ForwardedHeaders:KnownProxies</c>, and the test says which client it forwards for with <c>X-Forwarded-For</c>, as a
/// real proxy would. The Api itself trusts no forwarded header unless configured to.
/// </summary>
internal static class LimitedApis
{
    public const string Proxy = "127.0.0.1";

    public static async Task<string> NewDatabaseAsync() => await (await PostgresServer.Shared).CreateDatabaseAsync();

    public static ApiFactory Start(
        string database, RedisServer? redis, Dictionary<string, string?> limits, Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>(limits)
        {
            ["ConnectionStrings:codecrafts"] = database,
            ["ForwardedHeaders:KnownProxies:0"] = Proxy,
        };
        if (redis is not null)
        {
            settings["ConnectionStrings:cache"] = redis.ConnectionString;
        }
        return new ApiFactory(settings, s =>
        {
            s.AddSingleton<IStartupFilter, ConnectionFromProxy>();
            services?.Invoke(s);
        });
    }

    /// <summary>A client whose requests the proxy forwards for <paramref name="clientAddress"/>.</summary>
    public static HttpClient From(this HttpClient client, string clientAddress)
    {
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return client;
    }

    public static int RetryAfterSeconds(this HttpResponseMessage response) =>
        (int)Assert.IsType<TimeSpan>(response.Headers.RetryAfter?.Delta).TotalSeconds;

    /// <summary>The TCP peer a real server would see: the proxy.</summary>
    private sealed class ConnectionFromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Parse(Proxy);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
