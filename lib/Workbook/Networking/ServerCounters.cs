namespace Workbook.Networking;

/// <summary>
/// The live counters behind <see cref="DemoServer.Stats"/>: requests and connections, updated by the
/// server's middleware with interlocked operations.
/// </summary>
/// <remarks>
/// Thread-safety: every member may be called from any number of threads at once; nothing is ever
/// lost because each update is a single atomic operation. A <see cref="Snapshot"/> reads the counters
/// one after the other, so it may mix values from just before and just after a concurrent update.
/// </remarks>
internal sealed class ServerCounters
{
    private long requestsServed;
    private long failuresServed;
    private int inFlight;
    private int peakInFlight;
    private long connectionsAccepted;
    private int connectionsOpen;

    /// <summary>A request entered the pipeline.</summary>
    public void RequestStarted()
    {
        int now = Interlocked.Increment(ref inFlight);
        // Raise the peak with a compare-and-swap loop: a plain "if (now > peak) peak = now" could
        // overwrite a higher value written by another thread between the read and the write.
        int peak = Volatile.Read(ref peakInFlight);
        while (now > peak)
        {
            int seen = Interlocked.CompareExchange(ref peakInFlight, now, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }
    }

    /// <summary>A request left the pipeline; <paramref name="failed"/> when it was answered with a 5xx status.</summary>
    public void RequestFinished(bool failed)
    {
        Interlocked.Decrement(ref inFlight);
        Interlocked.Increment(ref requestsServed);
        if (failed)
        {
            Interlocked.Increment(ref failuresServed);
        }
    }

    /// <summary>Kestrel accepted a TCP connection.</summary>
    public void ConnectionOpened()
    {
        Interlocked.Increment(ref connectionsAccepted);
        Interlocked.Increment(ref connectionsOpen);
    }

    /// <summary>A TCP connection ended.</summary>
    public void ConnectionClosed() => Interlocked.Decrement(ref connectionsOpen);

    /// <summary>Zeroes the cumulative counters; the peak restarts from the requests in flight now.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref requestsServed, 0);
        Interlocked.Exchange(ref failuresServed, 0);
        Interlocked.Exchange(ref connectionsAccepted, 0);
        Interlocked.Exchange(ref peakInFlight, Volatile.Read(ref inFlight));
    }

    /// <summary>Reads every counter into an immutable record.</summary>
    public DemoServerStats Snapshot(string name) => new(
        name,
        Interlocked.Read(ref requestsServed),
        Interlocked.Read(ref failuresServed),
        Volatile.Read(ref inFlight),
        Volatile.Read(ref peakInFlight),
        Interlocked.Read(ref connectionsAccepted),
        Volatile.Read(ref connectionsOpen));
}
