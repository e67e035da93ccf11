using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace CodeCrafts.Tests.Infrastructure;

/// <summary>One request of a client: everything it sent before the server's next reply.</summary>
public sealed record Burst(int Connection, string Text)
{
    /// <summary>
    /// One answer's PostgreSQL transaction out of everything recorded: from the burst that takes the learner's row lock to
    /// the COMMIT on the same connection. A pooled connection may carry a background job's query just before or after it
    /// (a moved test clock wakes the league settler and the duel sweeper), which is not the answer's.
    /// </summary>
    public static List<Burst> AnswerTransaction(IReadOnlyList<Burst> bursts)
    {
        var start = bursts.ToList().FindIndex(b => b.Text.Contains("FOR NO KEY UPDATE", StringComparison.Ordinal));
        Assert.True(start >= 0, "no answer (row lock) among the recorded round trips");
        var onItsConnection = bursts.Skip(start).Where(b => b.Connection == bursts[start].Connection).ToList();
        // COMMIT alone, not the "READ COMMITTED" of the BEGIN.
        var commit = onItsConnection.FindIndex(b => Regex.IsMatch(b.Text, @"\bCOMMIT\b"));
        return commit < 0 ? onItsConnection : onItsConnection.GetRange(0, commit + 1);
    }
}

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
