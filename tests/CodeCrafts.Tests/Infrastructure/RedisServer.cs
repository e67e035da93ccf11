using System.Diagnostics;

namespace CodeCrafts.Tests.Infrastructure;

/// <summary>
/// A real redis-server on loopback, one per test class so that classes never see each other's keys.
/// It can be stopped and started again on the same port to test an outage.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _executable;
    private Process? _process;

    private RedisServer(string executable, int port)
    {
        _executable = executable;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false";

    public static async Task<RedisServer> StartAsync()
    {
        var executable = ExternalProcess.FindOnPath("redis-server")
            ?? throw new InvalidOperationException("redis-server is not installed: run scripts/test.sh, or apt-get install redis-server.");
        // A free port can be taken by another process before redis-server binds it (parallel tests, Aspire's own
        // allocations): a server that exits at once gets another port rather than failing the test class.
        for (var attempt = 1; ; attempt++)
        {
            var server = new RedisServer(executable, ExternalProcess.FreeTcpPort());
            try
            {
                await server.StartAgainAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                server.Stop();
            }
        }
    }

    public async Task StartAgainAsync()
    {
        _process = ExternalProcess.Start(_executable, ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await PingsAsync())
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new InvalidOperationException("redis-server did not start");
            }
            await Task.Delay(50);
        }
    }

    public void Stop()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }
        _process = null;
    }

    /// <summary>
    /// Stalls every client for <paramref name="duration"/> (<c>CLIENT PAUSE … ALL</c>): connected, but answering nothing,
    /// as a Redis that is busy or swapping would.
    /// </summary>
    public Task PauseAsync(TimeSpan duration) => CommandAsync($"CLIENT PAUSE {(int)duration.TotalMilliseconds} ALL");

    /// <summary>Ends a <see cref="PauseAsync"/> early (<c>CLIENT UNPAUSE</c>).</summary>
    public Task UnpauseAsync() => CommandAsync("CLIENT UNPAUSE");

    private async Task CommandAsync(string command)
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync("127.0.0.1", Port);
        var stream = client.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(command + "\r\n"));
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer);
        var reply = System.Text.Encoding.ASCII.GetString(buffer, 0, read);
        if (!reply.StartsWith("+OK", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{command} answered {reply}");
        }
    }

    private async Task<bool> PingsAsync()
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return read > 0 && System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
