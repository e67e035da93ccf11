namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>
/// At most N runs at once, a bounded queue behind them, and a refusal (busy) beyond that, so a burst
/// of submissions turns into 503s instead of an unbounded pile of waiting requests.
/// </summary>
internal sealed class RunGate
{
    private readonly SemaphoreSlim _slots;
    private readonly int _queueLength;
    private readonly TimeSpan _retryAfter;
    private int _waiting;
    private int _active;
    private int _peak;

    public RunGate(int slots, int queueLength, TimeSpan retryAfter)
    {
        _slots = new SemaphoreSlim(slots, slots);
        _queueLength = queueLength;
        _retryAfter = retryAfter;
        Slots = slots;
    }

    public int Slots { get; }

    public int Active => Volatile.Read(ref _active);

    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>The most runs ever held at once since start-up (or since <see cref="ResetPeak"/>).</summary>
    public int Peak => Volatile.Read(ref _peak);

    public void ResetPeak() => Volatile.Write(ref _peak, Active);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(0, cancellationToken))
        {
            if (Interlocked.Increment(ref _waiting) > _queueLength)
            {
                Interlocked.Decrement(ref _waiting);
                throw new CodeRunnerBusyException(_retryAfter);
            }
            try
            {
                await _slots.WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        var active = Interlocked.Increment(ref _active);
        int peak;
        while (active > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, active, peak) != peak)
        {
        }
        CodeExecutionTelemetry.ActiveRuns.Add(1);
        return new Lease(this);
    }

    private sealed class Lease(RunGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref gate._active);
                CodeExecutionTelemetry.ActiveRuns.Add(-1);
                gate._slots.Release();
            }
        }
    }
}
