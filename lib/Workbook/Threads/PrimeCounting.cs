namespace Workbook.Threads;

/// <summary>A CPU-bound workload for the speedup demo: counting primes by trial division.</summary>
/// <remarks>Pure and thread-safe. The parallel version blocks until its threads finish.</remarks>
public static class PrimeCounting
{
    private const int BlockSize = 10_000;

    /// <summary>True when <paramref name="n"/> is prime (trial division by odd numbers up to √n).</summary>
    /// <param name="n">Any integer.</param>
    /// <returns>Whether it is prime.</returns>
    public static bool IsPrime(int n)
    {
        if (n < 2)
        {
            return false;
        }

        if (n % 2 == 0)
        {
            return n == 2;
        }

        for (int d = 3; (long)d * d <= n; d += 2)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Counts the primes below <paramref name="limit"/> on the calling thread.</summary>
    /// <param name="limit">The exclusive upper bound (non-negative).</param>
    /// <returns>How many primes are below it.</returns>
    public static int CountSequential(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return CountRange(0, limit);
    }

    /// <summary>
    /// Counts the primes below <paramref name="limit"/> on <paramref name="threads"/> threads that
    /// take blocks of 10,000 numbers from a shared "next block" counter until none are left.
    /// </summary>
    /// <remarks>
    /// Blocks handed out on demand keep the threads equally busy: testing big numbers costs more
    /// than small ones, so equal contiguous slices would leave the first threads idle early.
    /// </remarks>
    /// <param name="limit">The exclusive upper bound (non-negative).</param>
    /// <param name="threads">How many threads (at least 1).</param>
    /// <returns>How many primes are below the limit (the same as <see cref="CountSequential"/>).</returns>
    public static int CountParallel(int limit, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        int blocks = (int)(((long)limit + BlockSize - 1) / BlockSize);
        int nextBlock = -1;
        int total = 0;
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() =>
            {
                int mine = 0;
                int block;
                while ((block = Interlocked.Increment(ref nextBlock)) < blocks)
                {
                    int start = block * BlockSize;
                    mine += CountRange(start, (int)Math.Min((long)start + BlockSize, limit));
                }

                Interlocked.Add(ref total, mine);
            })
            {
                IsBackground = true,
                Name = $"prime counter {t}",
            };
            workers[t].Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        return total;
    }

    private static int CountRange(int start, int end)
    {
        int count = 0;
        for (int n = start; n < end; n++)
        {
            if (IsPrime(n))
            {
                count++;
            }
        }

        return count;
    }
}
