using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CodeCrafts.Tests.Infrastructure;

/// <summary>One request of a client: everything it sent before the server's next reply.</summary>
public sealed record Burst(int Connection, string Text);

/// <summary>
/// A loopback TCP proxy in front of a server (PostgreSQL, Redis) that counts round trips, the way the wire sees them:
/// a round trip starts each time the client sends after having heard from the server (or for the first time). A batch or
/// a pipeline is one burst however many statements it carries; a statement per call is one burst each.
/// </summary>
public sealed class RoundTripCounter : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Burst> _bursts = [];
    private readonly Lock _lock = new();
    private int _connections;
    private bool _recording;

    private RoundTripCounter(int target)
    {
        _target = target;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static RoundTripCounter Start(int targetPort) => new(targetPort);

    /// <summary>Counts from now on (and forgets what came before).</summary>
    public void Record()
    {
        lock (_lock)
        {
            _bursts.Clear();
            _recording = true;
        }
    }

    public IReadOnlyList<Burst> Stop()
    {
        lock (_lock)
        {
            _recording = false;
            return [.. _bursts];
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = ServeAsync(client, Interlocked.Increment(ref _connections));
        }
    }

    private async Task ServeAsync(TcpClient client, int id)
    {
        using var _ = client;
        using var server = new TcpClient();
        await server.ConnectAsync(IPAddress.Loopback, _target);
        var state = new ConnectionState();
        await Task.WhenAny(
            PumpAsync(client.GetStream(), server.GetStream(), bytes => Sent(id, state, bytes)),
            PumpAsync(server.GetStream(), client.GetStream(), _ => state.ServerSpoke = true));
    }

    private void Sent(int id, ConnectionState state, ReadOnlySpan<byte> bytes)
    {
        lock (_lock)
        {
            if (state.ServerSpoke || state.Current is null)
            {
                state.ServerSpoke = false;
                state.Current = new StringBuilder();
                if (_recording)
                {
                    _bursts.Add(new Burst(id, ""));
                    state.Index = _bursts.Count - 1;
                }
                else
                {
                    state.Index = -1;
                }
            }
            state.Current.Append(Encoding.Latin1.GetString(bytes));
            if (state.Index >= 0 && state.Index < _bursts.Count && _bursts[state.Index].Connection == id)
            {
                _bursts[state.Index] = _bursts[state.Index] with { Text = state.Current.ToString() };
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, Action<ReadOnlySpan<byte>> seen)
    {
        var buffer = new byte[65536];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                seen(buffer.AsSpan(0, read));
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Either side closed: the other pump ends too.
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class ConnectionState
    {
        public bool ServerSpoke { get; set; }
        public StringBuilder? Current { get; set; }
        public int Index { get; set; } = -1;
    }
}
