using System.Collections.Concurrent;

namespace Workbook.Balancing.Farm;

/// <summary>
/// The live counters, attempt log and health events behind <see cref="LoadBalancingProxy"/>'s reports.
/// </summary>
/// <remarks>
/// Thread-safety: every member may be called from any number of request threads at once. Counters
/// are single interlocked operations; the logs are concurrent queues; the "already reported as
/// ejected" flags are flipped with <see cref="Interlocked.Exchange(ref int, int)"/> so each ejection
/// is reported once however many failing requests notice it.
/// </remarks>
internal sealed class ProxyCounters(string[] names, TimeProvider time, bool recordAttempts)
{
    private readonly long startedAt = time.GetTimestamp();
    private readonly long[] attempts = new long[names.Length];
    private readonly long[] failures = new long[names.Length];
    private readonly long[] trials = new long[names.Length];
    private readonly int[] reportedOut = new int[names.Length];
    private readonly ConcurrentQueue<ProxyAttempt>? log = recordAttempts ? new() : null;
    private readonly ConcurrentQueue<ProxyEvent> events = new();
    private long requests, retries, badGateway, unavailable, gatewayTimeout, clientGone;

    public TimeSpan Now => time.GetElapsedTime(startedAt);

    public void Request() => Interlocked.Increment(ref requests);

    public void Retry() => Interlocked.Increment(ref retries);

    public void BadGateway() => Interlocked.Increment(ref badGateway);

    public void Unavailable() => Interlocked.Increment(ref unavailable);

    public void GatewayTimeout() => Interlocked.Increment(ref gatewayTimeout);

    public void ClientGone() => Interlocked.Increment(ref clientGone);

    /// <summary>Counts a finished attempt and, when logging, records it.</summary>
    public void Attempt(int backend, bool isTrial, RequestOutcome outcome, TimeSpan start)
    {
        Interlocked.Increment(ref attempts[backend]);
        if (isTrial)
        {
            Interlocked.Increment(ref trials[backend]);
        }

        if (outcome == RequestOutcome.Failure)
        {
            Interlocked.Increment(ref failures[backend]);
        }

        log?.Enqueue(new ProxyAttempt(start, Now, backend, isTrial, outcome));
    }

    /// <summary>Reports the health change an attempt's outcome caused, reading the balancer's state after the fact.</summary>
    public void Health(int backend, bool isTrial, RequestOutcome outcome, BackendHealth after)
    {
        if (isTrial && outcome == RequestOutcome.Success && after == BackendHealth.Healthy)
        {
            Volatile.Write(ref reportedOut[backend], 0);
            events.Enqueue(new ProxyEvent(Now, names[backend], ProxyEventKind.Readmitted));
        }
        else if (isTrial && outcome == RequestOutcome.Failure)
        {
            events.Enqueue(new ProxyEvent(Now, names[backend], ProxyEventKind.TrialFailed));
        }
        else if (outcome == RequestOutcome.Failure && after == BackendHealth.Ejected && Interlocked.Exchange(ref reportedOut[backend], 1) == 0)
        {
            events.Enqueue(new ProxyEvent(Now, names[backend], ProxyEventKind.Ejected));
        }
    }

    public IReadOnlyList<ProxyAttempt> Attempts => log?.ToArray() ?? [];

    public IReadOnlyList<ProxyEvent> Events => events.ToArray();

    public ProxyStats Snapshot() => new(
        Interlocked.Read(ref requests),
        Interlocked.Read(ref retries),
        Interlocked.Read(ref badGateway),
        Interlocked.Read(ref unavailable),
        Interlocked.Read(ref gatewayTimeout),
        Interlocked.Read(ref clientGone),
        names.Select((name, i) => new BackendTraffic(name, Interlocked.Read(ref attempts[i]), Interlocked.Read(ref failures[i]), Interlocked.Read(ref trials[i]))).ToArray());
}
