namespace Workbook.Queues;

/// <summary>
/// An <see cref="IMessageQueue"/> that passes every call to an <see cref="InProcessQueue"/> and
/// remembers what the 06.2 checker needs to explain a failure: acknowledgements that came before
/// the message's processing had finished, and messages taken over from other consumers.
/// </summary>
/// <remarks>Thread-safe like the queue it wraps; the records are kept under a lock.</remarks>
internal sealed class RecordingQueue(InProcessQueue inner, Func<string, bool> processed) : IMessageQueue
{
    private readonly object gate = new();
    private readonly List<string> prematureAcks = [];
    private readonly List<(TimeSpan MinIdle, int Count)> reclaims = [];
    private readonly List<string> published = [];

    /// <summary>The queue underneath, for the checker's own looks that must not be recorded.</summary>
    public InProcessQueue Inner => inner;

    /// <inheritdoc />
    public string Description => "In-process queue of the 06.2 checker (fake clock)";

    /// <summary>Ids acknowledged while their processing had not finished, in acknowledgement order.</summary>
    public IReadOnlyList<string> PrematureAcks
    {
        get
        {
            lock (gate)
            {
                return prematureAcks.ToArray();
            }
        }
    }

    /// <summary>Ids of every message published, in order.</summary>
    public IReadOnlyList<string> Published
    {
        get
        {
            lock (gate)
            {
                return published.ToArray();
            }
        }
    }

    /// <summary>Messages obtained through <see cref="ReclaimAsync"/> so far.</summary>
    public int Reclaimed
    {
        get
        {
            lock (gate)
            {
                return reclaims.Sum(r => r.Count);
            }
        }
    }

    /// <summary>The smallest idle time asked for in a reclaim that returned messages, or null.</summary>
    public TimeSpan? SmallestSuccessfulMinIdle
    {
        get
        {
            lock (gate)
            {
                return reclaims.Where(r => r.Count > 0).Select(r => (TimeSpan?)r.MinIdle).Min();
            }
        }
    }

    /// <inheritdoc />
    public async Task<string> PublishAsync(string payload, CancellationToken cancellationToken = default)
    {
        var id = await inner.PublishAsync(payload, cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            published.Add(id);
        }

        return id;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueMessage>> ReadNewAsync(string consumer, int max = 10, CancellationToken cancellationToken = default) =>
        inner.ReadNewAsync(consumer, max, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueMessage>> ReadPendingAsync(string consumer, int max = 10, CancellationToken cancellationToken = default) =>
        inner.ReadPendingAsync(consumer, max, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueueMessage>> ReclaimAsync(string consumer, TimeSpan minIdle, int max = 10, CancellationToken cancellationToken = default)
    {
        var claimed = await inner.ReclaimAsync(consumer, minIdle, max, cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            reclaims.Add((minIdle, claimed.Count));
        }

        return claimed;
    }

    /// <inheritdoc />
    public Task<int> AckAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.ToArray();
        lock (gate)
        {
            // Judged at the moment of the ack: was this message's work already done?
            prematureAcks.AddRange(list.Where(id => id is not null && !processed(id)));
        }

        return inner.AckAsync(list, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> PendingCountAsync(CancellationToken cancellationToken = default) => inner.PendingCountAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
