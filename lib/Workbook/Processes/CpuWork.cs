namespace Workbook.Processes;

/// <summary>
/// The CPU-bound operations a worker process runs, available in-process too, so a notebook can
/// run exactly the same computation on a thread and in a child process and compare.
/// </summary>
/// <remarks>
/// Pure functions: thread-safe, no shared state. Cancellation is checked every few thousand
/// steps, so a cancelled call returns within microseconds by throwing
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public static class CpuWork
{
    // How often the loops look at the token: often enough to cancel promptly, rarely enough to cost nothing.
    private const int CheckEvery = 4096;

    /// <summary>Counts the primes <c>p</c> with <paramref name="from"/> &lt;= p &lt; <paramref name="to"/> by trial division.</summary>
    /// <param name="from">Inclusive start, at least 0.</param>
    /// <param name="to">Exclusive end, at least <paramref name="from"/>.</param>
    /// <param name="cancellationToken">Stops the count early.</param>
    /// <returns>How many primes lie in the range.</returns>
    public static long CountPrimes(long from, long to, CancellationToken cancellationToken = default) =>
        CountPrimes(from, to, progress: null, cancellationToken);

    /// <summary>Runs <paramref name="iterations"/> steps of a xorshift generator and returns its final state.</summary>
    /// <param name="iterations">Number of steps, at least 0.</param>
    /// <param name="cancellationToken">Stops the spin early.</param>
    /// <returns>A checksum that depends on every step, so the loop cannot be optimised away.</returns>
    public static long Spin(long iterations, CancellationToken cancellationToken = default) =>
        Spin(iterations, progress: null, cancellationToken);

    /// <summary>Whether <paramref name="n"/> is prime (trial division by odd numbers up to its square root).</summary>
    /// <param name="n">Any number; values below 2 are not prime.</param>
    /// <returns><see langword="true"/> when <paramref name="n"/> is prime.</returns>
    public static bool IsPrime(long n)
    {
        if (n < 2)
        {
            return false;
        }

        if (n % 2 == 0)
        {
            return n == 2;
        }

        for (long d = 3; d <= n / d; d += 2)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>As the public overload, reporting each quarter of the range done to <paramref name="progress"/>.</summary>
    internal static long CountPrimes(long from, long to, Action<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        var quarters = new QuarterReporter(to - from, progress);
        long count = 0;
        for (long n = from; n < to; n++)
        {
            if ((n - from) % CheckEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                quarters.Report(n - from);
            }

            if (IsPrime(n))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>As the public overload, reporting each quarter of the iterations done to <paramref name="progress"/>.</summary>
    internal static long Spin(long iterations, Action<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        var quarters = new QuarterReporter(iterations, progress);
        ulong x = 0x9E3779B97F4A7C15;
        for (long i = 0; i < iterations; i++)
        {
            if (i % CheckEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                quarters.Report(i);
            }

            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
        }

        return unchecked((long)(x * 0x2545F4914F6CDD1D));
    }

    /// <summary>Calls back at 25 %, 50 % and 75 % of a job, and only for jobs big enough to be worth watching.</summary>
    private struct QuarterReporter(long total, Action<double>? progress)
    {
        private const long WorthReporting = 100_000;
        private int _reported;

        public void Report(long done)
        {
            if (progress is null || total < WorthReporting)
            {
                return;
            }

            int quarter = (int)(done * 4 / total);
            if (quarter > _reported && quarter < 4)
            {
                _reported = quarter;
                progress(quarter / 4.0);
            }
        }
    }
}
