using CodeCrafts.Api.Common;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Leagues;

/// <summary>
/// Keeps this replica's <see cref="LeagueLocalCache"/> exact: subscribes to <see cref="LeagueRedis.Changes"/> and evicts
/// each published key. The copies are used only from a confirmed subscription on; a lost connection or a Redis stall
/// (messages may be missed meanwhile) clears them, and they are used again once the connection is back.
/// The subscription has a connection of its own: on the shared one, its traffic made the answer's single Redis pipeline
/// leave in two writes now and then (seen by <c>RoundTripTests</c>), a round trip more on the request path.
/// </summary>
internal sealed partial class LeagueCacheInvalidation(RedisAccessor redis, LeagueLocalCache cache, ILogger<LeagueCacheInvalidation> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (redis.Multiplexer is not { } shared)
        {
            return;
        }
        ConnectionMultiplexer? own = null;
        ChannelMessageQueue? queue = null;
        try
        {
            while (queue is null && !stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var options = ConfigurationOptions.Parse(shared.Configuration);
                    options.AbortOnConnectFail = false;
                    options.ClientName = "league-changes";
                    own ??= await ConnectionMultiplexer.ConnectAsync(options);
                    queue = await own.GetSubscriber().SubscribeAsync(LeagueRedis.Changes);
                }
                catch (Exception ex) when (RedisAccessor.IsFailure(ex))
                {
                    LogSubscribeFailed(logger, ex);
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
            }
            if (own is null || queue is null)
            {
                return;
            }
            var subscriber = own;
            subscriber.ConnectionFailed += (_, _) => cache.SetLive(false);
            subscriber.ConnectionRestored += (_, _) => cache.SetLive(true);
            shared.ConnectionFailed += (_, _) => cache.SetLive(false);
            shared.ConnectionRestored += (_, _) => cache.SetLive(subscriber.IsConnected);
            redis.Answering += () => cache.SetLive(subscriber.IsConnected);
            cache.SetLive(subscriber.IsConnected);
            // In order, one message at a time: an eviction is a dictionary removal, never a wait.
            queue.OnMessage(message => Apply(message.Message));
            await Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        finally
        {
            cache.SetLive(false);
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private void Apply(RedisValue message)
    {
        var parts = ((string?)message ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts[0] == cache.Origin)
        {
            return;
        }
        foreach (var key in parts.AsSpan(1))
        {
            if (key == LeagueRedis.EverythingChanged)
            {
                cache.ChangedAll();
                return;
            }
            cache.Changed(key);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to league changes; league reads skip the local copy until it works")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);
}
