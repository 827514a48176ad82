namespace Workbook.Threads;

/// <summary>
/// Measures how a CPU-bound job (counting primes) speeds up as it is split over 1, 2, … k
/// threads. Past the number of cores the speedup stops growing: there is nothing left to run on.
/// </summary>
/// <remarks>Runs the measurements one after another on the calling thread's behalf; blocks until done.</remarks>
public static class SpeedupDemo
{
    /// <summary>Counts the primes below <paramref name="limit"/> once per thread count from 1 to <paramref name="maxThreads"/>, in one or more rounds.</summary>
    /// <param name="limit">The exclusive upper bound of the numbers tested (at least 1).</param>
    /// <param name="maxThreads">The largest thread count; twice the core count by default.</param>
    /// <param name="rounds">
    /// How many times to measure every thread count (at least 1). Each round runs every thread
    /// count once and the fastest time of each is kept, so a burst of load from other programs
    /// hurts one sample, not the whole comparison.
    /// </param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    /// <param name="cancellationToken">Stops before the next measurement.</param>
    /// <returns>One point per thread count, in order.</returns>
    public static IReadOnlyList<SpeedupPoint> Measure(
        int limit = 2_000_000,
        int? maxThreads = null,
        int rounds = 1,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        int most = maxThreads ?? 2 * Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(most, nameof(maxThreads));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        TimeProvider time = timeProvider ?? TimeProvider.System;

        // Warm-up, so the first measurement does not also pay for JIT compilation.
        PrimeCounting.CountParallel(Math.Min(limit, 20_000), 2);

        var best = new TimeSpan[most + 1];
        var primes = new int[most + 1];
        for (int round = 0; round < rounds; round++)
        {
            for (int threads = 1; threads <= most; threads++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                long started = time.GetTimestamp();
                primes[threads] = PrimeCounting.CountParallel(limit, threads);
                TimeSpan elapsed = time.GetElapsedTime(started);
                best[threads] = round == 0 || elapsed < best[threads] ? elapsed : best[threads];
            }
        }

        var points = new List<SpeedupPoint>(most);
        for (int threads = 1; threads <= most; threads++)
        {
            double speedup = threads == 1 || best[threads] <= TimeSpan.Zero ? 1.0 : best[1] / best[threads];
            points.Add(new SpeedupPoint(threads, primes[threads], best[threads], speedup));
        }

        return points;
    }
}
