namespace Workbook.Queues;

/// <summary>
/// A consumer-group consumer: finishes its own pending messages first, then loops reading new
/// messages, reclaiming idle ones from crashed consumers when there is nothing new, and
/// acknowledging each batch only after every message in it was handled.
/// </summary>
/// <remarks>
/// Thread-safety: run one <see cref="RunAsync"/> at a time per worker; the counters may be read from
/// any thread. Stopping is graceful: the token is checked between batches, so a batch is never
/// left half-acknowledged by a stop request. If the handler throws, <see cref="RunAsync"/> throws and
/// the batch stays pending, to be redelivered (that is the at-least-once guarantee). If the broker
/// dies, the queue's <see cref="QueueUnavailableException"/> ends <see cref="RunAsync"/>.
/// </remarks>
public sealed class QueueWorker
{
    private readonly IMessageQueue queue;
    private readonly Func<QueueMessage, CancellationToken, ValueTask> handler;
    private readonly QueueWorkerOptions options;
    private long handled;
    private long reclaimed;
    private long acknowledged;

    /// <summary>Creates a worker; nothing happens until <see cref="RunAsync"/>.</summary>
    /// <param name="queue">The queue to consume.</param>
    /// <param name="name">This consumer's name in the group (pending messages are tracked per name).</param>
    /// <param name="handler">Processes one message; the worker acknowledges after it returns.</param>
    /// <param name="options">Batch size, reclaim threshold and polling; defaults when null.</param>
    public QueueWorker(
        IMessageQueue queue,
        string name,
        Func<QueueMessage, CancellationToken, ValueTask> handler,
        QueueWorkerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(handler);
        options ??= new QueueWorkerOptions();
        options.Validate();
        this.queue = queue;
        this.handler = handler;
        this.options = options;
        Name = name;
    }

    /// <summary>This consumer's name.</summary>
    public string Name { get; }

    /// <summary>Messages passed to the handler so far (including redeliveries).</summary>
    public long Handled => Interlocked.Read(ref handled);

    /// <summary>Messages this worker took over from other consumers.</summary>
    public long Reclaimed => Interlocked.Read(ref reclaimed);

    /// <summary>Messages this worker acknowledged.</summary>
    public long Acknowledged => Interlocked.Read(ref acknowledged);

    /// <summary>Consumes until <paramref name="stoppingToken"/> is cancelled.</summary>
    /// <param name="stoppingToken">Requests a graceful stop (honoured between batches).</param>
    /// <returns>A task that completes when the worker has stopped.</returns>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        // A restarted consumer first finishes what its previous life read but never acknowledged.
        while (!stoppingToken.IsCancellationRequested)
        {
            var mine = await queue.ReadPendingAsync(Name, options.BatchSize).ConfigureAwait(false);
            if (mine.Count == 0)
            {
                break;
            }

            await HandleBatchAsync(mine).ConfigureAwait(false);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var batch = await queue.ReadNewAsync(Name, options.BatchSize).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                // Nothing new: look for messages a crashed consumer left behind.
                batch = await queue.ReclaimAsync(Name, options.ReclaimIdle, options.BatchSize).ConfigureAwait(false);
                Interlocked.Add(ref reclaimed, batch.Count);
            }

            if (batch.Count == 0)
            {
                try
                {
                    await Task.Delay(options.PollInterval, options.TimeProvider, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                continue;
            }

            await HandleBatchAsync(batch).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: handled {Handled}, reclaimed {Reclaimed}, acknowledged {Acknowledged}";

    private async Task HandleBatchAsync(IReadOnlyList<QueueMessage> batch)
    {
        foreach (var message in batch)
        {
            // No cancellation inside a batch: stopping midway would only create redeliveries.
            await handler(message, CancellationToken.None).ConfigureAwait(false);
            Interlocked.Increment(ref handled);
        }

        // Acknowledge only after processing: a crash before this line means redelivery, never loss.
        var acked = await queue.AckAsync(batch.Select(m => m.Id)).ConfigureAwait(false);
        Interlocked.Add(ref acknowledged, acked);
    }
}
