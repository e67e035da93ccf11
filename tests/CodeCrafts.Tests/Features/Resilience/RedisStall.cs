using System.Diagnostics;
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

    /// <summary>Long enough for every request of a test; each test ends it early with <see cref="RedisServer.UnpauseAsync"/>.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMinutes(1);

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
}
