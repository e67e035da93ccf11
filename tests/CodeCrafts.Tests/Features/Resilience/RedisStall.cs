using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using CodeCrafts.Tests.Infrastructure;

namespace CodeCrafts.Tests.Features.Resilience;

/// <summary>
/// A stalled Redis, as a busy or half-dead server looks to a client: <c>CLIENT PAUSE … ALL</c> keeps every connection
/// open and holds every command, so nothing fails fast and only a budget can bound the wait. The pause is ended
/// explicitly, on a connection of its own (a client's handshake would itself be held).
/// </summary>
internal static class RedisStall
{
    /// <summary>Far above the 250 ms budget plus a busy machine's latency, below the Redis client's own 2 s timeout.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    /// <summary>Holds every client's commands for up to a minute, or until <see cref="ResumeAsync"/>.</summary>
    public static Task PauseAsync(this RedisServer redis) => SendAsync(redis, "CLIENT PAUSE 60000 ALL");

    public static Task ResumeAsync(this RedisServer redis) => SendAsync(redis, "CLIENT UNPAUSE");

    /// <summary>The request, and how long it took from sending to the whole body read.</summary>
    public static async Task<(HttpResponseMessage Response, string Body, TimeSpan Took)> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var watch = Stopwatch.StartNew();
        var response = await send();
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, body, watch.Elapsed);
    }

    /// <summary>Asks until <paramref name="done"/> holds, for at most a minute (the repair runs in the background).</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        return true;
    }

    private static async Task SendAsync(RedisServer redis, string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", redis.Port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), TestContext.Current.CancellationToken);
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken);
        var reply = Encoding.ASCII.GetString(buffer, 0, read);
        Assert.True(reply.StartsWith("+OK", StringComparison.Ordinal), $"{command} → {reply}");
    }
}
