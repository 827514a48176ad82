using System.Diagnostics;

namespace Workbook.Tuning;

/// <summary>
/// Puts an <see cref="IRequestStats"/> under load: several threads send <see cref="RequestTraffic"/>
/// for a while, and the run reports the calls, the lock contentions the runtime counted, and
/// whether every request was counted exactly.
/// </summary>
/// <remarks>
/// The threads start together at a start gate and stop after <c>duration</c>; the call returns when
/// all have finished (a Record call that blocks forever would block it too). The contention count is
/// process-wide. Thread-safe: each run has its own threads.
/// </remarks>
public static class RequestLoad
{
    /// <summary>Runs the load.</summary>
    /// <param name="stats">The statistics to load (fresh, so the totals can be checked).</param>
    /// <param name="threads">Threads recording at once; at least 1 (more than the cores makes contention likelier).</param>
    /// <param name="duration">How long each thread keeps sending (500 ms by default; at most 1 minute).</param>
    /// <returns>Calls, contentions and exactness.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static RequestLoadResult Run(IRequestStats stats, int threads = 8, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        TimeSpan length = duration ?? TimeSpan.FromMilliseconds(500);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero, nameof(duration));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, TimeSpan.FromMinutes(1), nameof(duration));

        var calls = new long[threads];
        (TimeSpan elapsed, long contentions) = GatedThreads.Run(threads, "request load", index =>
        {
            long end = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
            long call = 0;
            do
            {
                // Batches of 64 keep the clock reads from dominating a cheap Record.
                for (int i = 0; i < 64; i++, call++)
                {
                    stats.Record(RequestTraffic.EndpointOf(call), RequestTraffic.MicrosecondsOf(call));
                }
            }
            while (Stopwatch.GetTimestamp() < end);
            calls[index] = call;
        });
        return new RequestLoadResult(stats.GetType().Name, threads, calls.Sum(), elapsed, contentions, IsExact(stats, calls));
    }

    private static bool IsExact(IRequestStats stats, long[] calls)
    {
        (Dictionary<string, long> hits, long microseconds) = RequestTraffic.Expected(calls);
        return hits.All(p => stats.Hits(p.Key) == p.Value) && stats.TotalHits == calls.Sum() && stats.TotalMicroseconds == microseconds;
    }
}
