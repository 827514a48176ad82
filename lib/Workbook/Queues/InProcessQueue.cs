using System.Globalization;
using System.Threading.Channels;

namespace Workbook.Queues;

/// <summary>
/// The embedded <see cref="IMessageQueue"/>: an in-memory Channel of new messages plus a pending
/// list per message, with the same at-least-once rules as Redis Streams consumer groups.
/// </summary>
/// <remarks>
/// Thread-safety: all members are safe to call concurrently; one lock makes "take a message" and
/// "record it as pending" a single step, so a message is always either new, pending or acknowledged.
/// The channel is unbounded, so <see cref="PublishAsync"/> never waits. Idle time is measured on the
/// injected <see cref="TimeProvider"/>. Messages live only as long as this object: after
/// <see cref="DisposeAsync"/> every call throws <see cref="ObjectDisposedException"/>.
/// </remarks>
public sealed class InProcessQueue : IMessageQueue
{
    private readonly Channel<QueueMessage> fresh = Channel.CreateUnbounded<QueueMessage>();
    private readonly SortedDictionary<long, PendingEntry> pending = [];
    private readonly TimeProvider time;
    private readonly object gate = new();
    private long lastSequence;
    private bool disposed;

    /// <summary>Creates an empty queue.</summary>
    /// <param name="timeProvider">Clock for idle times (default the system clock).</param>
    /// <param name="description">Text for <see cref="Description"/>; a default is used when null.</param>
    public InProcessQueue(TimeProvider? timeProvider = null, string? description = null)
    {
        time = timeProvider ?? TimeProvider.System;
        Description = description ?? "In-process queue (System.Threading.Channels, at-least-once, lives in this process only)";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public Task<string> PublishAsync(string payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            ThrowIfDisposed();
            // Ids are assigned under the lock so their order matches the channel's order.
            var id = Format(++lastSequence);
            fresh.Writer.TryWrite(new QueueMessage(id, payload, Redelivered: false));
            return Task.FromResult(id);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueMessage>> ReadNewAsync(string consumer, int max = 10, CancellationToken cancellationToken = default)
    {
        QueueArguments.Check(consumer, max);
        cancellationToken.ThrowIfCancellationRequested();
        var batch = new List<QueueMessage>();
        lock (gate)
        {
            ThrowIfDisposed();
            var now = time.GetTimestamp();
            while (batch.Count < max && fresh.Reader.TryRead(out var message))
            {
                pending.Add(Parse(message.Id), new PendingEntry(message, consumer, now));
                batch.Add(message);
            }
        }

        return Task.FromResult<IReadOnlyList<QueueMessage>>(batch);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueMessage>> ReadPendingAsync(string consumer, int max = 10, CancellationToken cancellationToken = default)
    {
        QueueArguments.Check(consumer, max);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            ThrowIfDisposed();
            // Like XREADGROUP with id 0: the consumer's own history; ownership and idle clock are unchanged.
            IReadOnlyList<QueueMessage> mine = pending.Values
                .Where(e => e.Owner == consumer)
                .Take(max)
                .Select(e => e.Message with { Redelivered = true })
                .ToArray();
            return Task.FromResult(mine);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueMessage>> ReclaimAsync(string consumer, TimeSpan minIdle, int max = 10, CancellationToken cancellationToken = default)
    {
        QueueArguments.Check(consumer, minIdle, max);
        cancellationToken.ThrowIfCancellationRequested();
        var claimed = new List<QueueMessage>();
        lock (gate)
        {
            ThrowIfDisposed();
            var now = time.GetTimestamp();
            foreach (var (sequence, entry) in pending.ToArray())
            {
                if (claimed.Count == max)
                {
                    break;
                }

                if (time.GetElapsedTime(entry.DeliveredAt, now) >= minIdle)
                {
                    // Like XAUTOCLAIM: new owner, and the idle clock restarts so nobody else grabs it at once.
                    pending[sequence] = entry with { Owner = consumer, DeliveredAt = now };
                    claimed.Add(entry.Message with { Redelivered = true });
                }
            }
        }

        return Task.FromResult<IReadOnlyList<QueueMessage>>(claimed);
    }

    /// <inheritdoc />
    public Task<int> AckAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var list = QueueArguments.Ids(ids);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            ThrowIfDisposed();
            var removed = list.Count(id => TryParse(id, out var sequence) && pending.Remove(sequence));
            return Task.FromResult(removed);
        }
    }

    /// <inheritdoc />
    public Task<long> PendingCountAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            ThrowIfDisposed();
            return Task.FromResult((long)pending.Count);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        lock (gate)
        {
            disposed = true;
            fresh.Writer.TryComplete();
            pending.Clear();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override string ToString() => Description;

    private static string Format(long sequence) => sequence.ToString(CultureInfo.InvariantCulture) + "-0";

    private static long Parse(string id) => TryParse(id, out var sequence)
        ? sequence
        : throw new ArgumentException($"'{id}' is not a message id of this queue.", nameof(id));

    private static bool TryParse(string id, out long sequence)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        return long.TryParse(dash < 0 ? id : id[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(disposed, this);

    private sealed record PendingEntry(QueueMessage Message, string Owner, long DeliveredAt);
}
