using System.Threading.Channels;
using CodeCrafts.Api.Features.Attempts;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Questions;

/// <summary>
/// Moves questions' difficulty ratings off the request path: an answer only queues its attempt id (a bounded channel,
/// never waited on), and this background writer applies the queue in batches through <see cref="QuestionRatingStore"/>.
/// Exactly once: the attempt row's <c>RatingPending</c> flag is the durable record, cleared in the same transaction that
/// applies the answer. So an answer the queue could not take (full), or that a stopping replica left behind, is applied
/// by the sweep that runs at start and every <see cref="QuestionRatingOptions.SweepInterval"/>, and never twice.
/// </summary>
internal sealed partial class QuestionRatingWriter(
    IServiceScopeFactory scopes, IOptions<QuestionRatingOptions> options, TimeProvider time, ILogger<QuestionRatingWriter> logger)
    : BackgroundService, IAttemptObserver
{
    public const int Capacity = 10_000;

    private readonly Channel<Guid> _queue = Channel.CreateBounded<Guid>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Queues an answer for its rating update; when the queue is full, the sweep picks it up later.</summary>
    public void Enqueue(Guid attemptId) => _queue.Writer.TryWrite(attemptId);

    public Task ObserveAsync(AttemptRecorded attempt, IBatch? redis)
    {
        Enqueue(attempt.AttemptId);
        return Task.CompletedTask;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(DrainAsync(stoppingToken), SweepAsync(stoppingToken));

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Guid>(QuestionRatingStore.BatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < QuestionRatingStore.BatchSize && _queue.Reader.TryRead(out var id))
                {
                    batch.Add(id);
                }
                await ApplyAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued stays pending in PostgreSQL for the next sweep.
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Batch after batch while full ones keep coming and being applied; a failure waits for the next sweep.
                while (await PendingAsync(stoppingToken) is { Count: > 0 } pending
                       && await ApplyAsync(pending, stoppingToken) > 0
                       && pending.Count == QuestionRatingStore.BatchSize)
                {
                }
                // One-shot delays on the injected clock (as the duel sweeper): a test clock that jumps fires one sweep, not many.
                await Task.Delay(options.Value.SweepInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task<List<Guid>> PendingAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<QuestionRatingStore>().PendingAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
            return [];
        }
    }

    /// <returns>How many answers were applied; 0 also after a failure (they stay pending for the next sweep).</returns>
    private async Task<int> ApplyAsync(IReadOnlyCollection<Guid> attemptIds, CancellationToken ct)
    {
        if (attemptIds.Count == 0)
        {
            return 0;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<QuestionRatingStore>().ApplyAsync(attemptIds, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying answers to question ratings failed; the next sweep retries")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
