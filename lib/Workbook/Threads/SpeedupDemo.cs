namespace Workbook.Threads;

/// <summary>
/// Measures how a CPU-bound job (counting primes) speeds up as it is split over 1, 2, … k
/// threads. Past the number of cores the speedup stops growing: there is nothing left to run on.
/// </summary>
/// <remarks>Runs the measurements one after another on the calling thread's behalf; blocks until done.</remarks>
public static class SpeedupDemo
{
    /// <summary>Counts the primes below <paramref name="limit"/> once per thread count from 1 to <paramref name="maxThreads"/>.</summary>
    /// <param name="limit">The exclusive upper bound of the numbers tested (at least 1).</param>
    /// <param name="maxThreads">The largest thread count; twice the core count by default.</param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    /// <param name="cancellationToken">Stops before the next thread count.</param>
    /// <returns>One point per thread count, in order.</returns>
    public static IReadOnlyList<SpeedupPoint> Measure(
        int limit = 2_000_000,
        int? maxThreads = null,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        int most = maxThreads ?? 2 * Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(most, nameof(maxThreads));
        TimeProvider time = timeProvider ?? TimeProvider.System;

        // Warm-up, so the first measurement does not also pay for JIT compilation.
        PrimeCounting.CountParallel(Math.Min(limit, 20_000), 2);

        var points = new List<SpeedupPoint>(most);
        TimeSpan single = TimeSpan.Zero;
        for (int threads = 1; threads <= most; threads++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long started = time.GetTimestamp();
            int primes = PrimeCounting.CountParallel(limit, threads);
            TimeSpan elapsed = time.GetElapsedTime(started);
            if (threads == 1)
            {
                single = elapsed;
            }

            double speedup = threads == 1 || elapsed <= TimeSpan.Zero ? 1.0 : single / elapsed;
            points.Add(new SpeedupPoint(threads, primes, elapsed, speedup));
        }

        return points;
    }
}
