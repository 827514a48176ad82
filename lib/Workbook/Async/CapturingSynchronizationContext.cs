using System.Collections.Concurrent;

namespace Workbook.Async;

/// <summary>
/// A single-threaded <see cref="SynchronizationContext"/> that runs posted callbacks in a pump on
/// one thread, counts outstanding <c>async void</c> operations, and captures (instead of
/// rethrowing) the exceptions that <c>async void</c> methods post to it.
/// </summary>
/// <remarks>
/// <para>
/// An <c>async void</c> method has no task to store its exception in, so its builder posts the
/// exception to the current synchronization context to be rethrown there. With no context it is
/// rethrown on a thread-pool thread, which ends the process. This context runs every posted
/// callback inside a try/catch, so the exception is recorded instead.
/// </para>
/// <para>
/// Thread-safety: <see cref="Post"/>, <see cref="OperationStarted"/> and
/// <see cref="OperationCompleted"/> may be called from any thread; <see cref="Pump"/> from one
/// thread at a time. Once the pump has stopped, later posts run on the thread pool, still under
/// the try/catch, so a late continuation neither hangs forever nor crashes the process.
/// </para>
/// </remarks>
internal sealed class CapturingSynchronizationContext : SynchronizationContext
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];
    private readonly ConcurrentQueue<Exception> _captured = new();
    private int _operations;
    private volatile bool _pumping = true;

    /// <summary>Exceptions that escaped callbacks, in the order they happened.</summary>
    public IReadOnlyList<Exception> Captured => [.. _captured];

    /// <summary>async void methods (and other operations) that have started but not completed.</summary>
    public int Outstanding => Volatile.Read(ref _operations);

    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (_pumping)
        {
            _queue.Add((d, state));
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => RunCaptured(d, state), null);
        }
    }

    /// <inheritdoc />
    public override void Send(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        RunCaptured(d, state);
    }

    /// <inheritdoc />
    public override void OperationStarted() => Interlocked.Increment(ref _operations);

    /// <inheritdoc />
    public override void OperationCompleted()
    {
        if (Interlocked.Decrement(ref _operations) == 0)
        {
            // Wake the pump so it notices there is nothing left to wait for.
            Post(static _ => { }, null);
        }
    }

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;

    /// <summary>
    /// Runs posted callbacks on the calling thread until no operation is outstanding and the
    /// queue is empty, or <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <param name="cancellationToken">Stops pumping early.</param>
    /// <returns>True when everything finished; false when stopped by the token.</returns>
    public bool Pump(CancellationToken cancellationToken)
    {
        try
        {
            while (Outstanding > 0 || _queue.Count > 0)
            {
                if (!_queue.TryTake(out var item, Timeout.Infinite, cancellationToken))
                {
                    break;
                }

                RunCaptured(item.Callback, item.State);
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            _pumping = false;

            // Anything posted between the last take and the flag flip still runs (on the pool).
            while (_queue.TryTake(out var left))
            {
                ThreadPool.UnsafeQueueUserWorkItem(_ => RunCaptured(left.Callback, left.State), null);
            }
        }
    }

    private void RunCaptured(SendOrPostCallback callback, object? state)
    {
        SynchronizationContext? previous = Current;
        SetSynchronizationContext(this);
        try
        {
            callback(state);
        }
        catch (Exception error)
        {
            _captured.Enqueue(error);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
