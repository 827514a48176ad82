using System.Threading.Channels;

namespace Workbook.Queues;

/// <summary>
/// A channel writer that passes everything on to a real channel and notices when its user met a full
/// channel: a <c>TryWrite</c> that failed, or a <c>WriteAsync</c>/<c>WaitToWriteAsync</c> that had to wait.
/// The 06.1 checker uses it to open its consumer at exactly the moment backpressure starts.
/// </summary>
/// <remarks>Thread-safe: counters are updated with Interlocked and the signal is a run-continuations-asynchronously TCS.</remarks>
internal sealed class ObservedWriter<T>(ChannelWriter<T> inner) : ChannelWriter<T>
{
    private readonly TaskCompletionSource full = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int failedTryWrites;
    private int waits;

    /// <summary>Completes the first time a write found the channel full.</summary>
    public Task Full => full.Task;

    /// <summary>How many <c>TryWrite</c> calls returned false (each one an item the caller may have dropped).</summary>
    public int FailedTryWrites => Volatile.Read(ref failedTryWrites);

    /// <summary>How many writes had to wait for room.</summary>
    public int Waits => Volatile.Read(ref waits);

    public override bool TryWrite(T item)
    {
        if (inner.TryWrite(item))
        {
            return true;
        }

        Interlocked.Increment(ref failedTryWrites);
        full.TrySetResult();
        return false;
    }

    public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default)
    {
        var wait = inner.WaitToWriteAsync(cancellationToken);
        Waited(wait.IsCompleted);
        return wait;
    }

    public override ValueTask WriteAsync(T item, CancellationToken cancellationToken = default)
    {
        var write = inner.WriteAsync(item, cancellationToken);
        Waited(write.IsCompleted);
        return write;
    }

    public override bool TryComplete(Exception? error = null) => inner.TryComplete(error);

    private void Waited(bool completedAtOnce)
    {
        // A write that did not complete synchronously is parked until a reader makes room.
        if (!completedAtOnce)
        {
            Interlocked.Increment(ref waits);
            full.TrySetResult();
        }
    }
}
