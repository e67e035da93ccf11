using CodeCrafts.Api.Common;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Leagues;

/// <summary>
/// Keeps this replica's <see cref="LeagueLocalCache"/> exact: subscribes to <see cref="LeagueRedis.Changes"/> and evicts
/// each published key. The copies are used only from a confirmed subscription on; a lost connection or a Redis stall
/// (messages may be missed meanwhile) clears them, and they are used again once the connection is back.
/// </summary>
internal sealed partial class LeagueCacheInvalidation(RedisAccessor redis, LeagueLocalCache cache, ILogger<LeagueCacheInvalidation> logger)
    : BackgroundService
{
    private ChannelMessageQueue? _queue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (redis.Multiplexer is not { } multiplexer)
        {
            return;
        }
        multiplexer.ConnectionFailed += (_, _) => cache.SetLive(false);
        multiplexer.ConnectionRestored += (_, _) => cache.SetLive(_queue is not null);
        redis.Answering += () => cache.SetLive(_queue is not null && multiplexer.IsConnected);
        while (_queue is null && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                _queue = await multiplexer.GetSubscriber().SubscribeAsync(LeagueRedis.Changes);
                cache.SetLive(multiplexer.IsConnected);
            }
            catch (Exception ex) when (RedisAccessor.IsFailure(ex))
            {
                LogSubscribeFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
        if (_queue is null)
        {
            return;
        }
        // In order, one message at a time, on this loop: an eviction is a dictionary removal, never a wait.
        _queue.OnMessage(message => Apply(message.Message));
        await Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        cache.SetLive(false);
        await _queue.UnsubscribeAsync();
    }

    /// <summary>A message is "origin key key…" (see <see cref="LeagueRedis.Changes"/>).</summary>
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
