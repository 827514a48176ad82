using System.Collections.Concurrent;

namespace Workbook.Balancing.Farm;

/// <summary>A token cancelled when the client goes away or the forward timeout passes on the proxy's clock.</summary>
/// <remarks>
/// <para>On the system clock the token source comes from a small pool and goes back to it when the
/// forward ends uncancelled (<see cref="CancellationTokenSource.TryReset"/>), as YARP does: a linked
/// source and a timer per request were a measurable share of the proxy's allocations. With an injected
/// clock (a fake one in tests) a timer of that clock cancels the source instead, and nothing is pooled.</para>
/// <para>Thread-safety: one forward owns an instance; dispose it exactly once, after the last use of <see cref="Token"/>.</para>
/// </remarks>
internal readonly struct ForwardDeadline : IDisposable
{
    private const int PoolLimit = 256;
    private static readonly ConcurrentQueue<CancellationTokenSource> Pool = new();
    private static int pooled;

    private readonly CancellationTokenSource source;
    private readonly CancellationTokenRegistration clientGone;
    private readonly ITimer? timer;

    public ForwardDeadline(CancellationToken aborted, TimeSpan timeout, TimeProvider time)
    {
        if (ReferenceEquals(time, TimeProvider.System))
        {
            source = Rent();
            source.CancelAfter(timeout);
        }
        else
        {
            source = new CancellationTokenSource();
            timer = time.CreateTimer(static state => CancelQuietly((CancellationTokenSource)state!), source, timeout, Timeout.InfiniteTimeSpan);
        }

        clientGone = aborted.UnsafeRegister(static state => CancelQuietly((CancellationTokenSource)state!), source);
    }

    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        // Disposing the registration waits for a callback already running, so the source is quiet afterwards.
        clientGone.Dispose();
        if (timer is null)
        {
            Return(source);
            return;
        }

        timer.Dispose();
        source.Dispose();
    }

    private static CancellationTokenSource Rent()
    {
        if (Pool.TryDequeue(out var source))
        {
            Interlocked.Decrement(ref pooled);
            return source;
        }

        return new CancellationTokenSource();
    }

    private static void Return(CancellationTokenSource source)
    {
        // TryReset fails once cancelled (a cancelled source cannot be reused); it also stops the CancelAfter timer.
        if (source.TryReset())
        {
            if (Interlocked.Increment(ref pooled) <= PoolLimit)
            {
                Pool.Enqueue(source);
                return;
            }

            Interlocked.Decrement(ref pooled);
        }

        source.Dispose();
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The forward finished and disposed its deadline while the timer was firing: nothing to cancel.
        }
    }
}
