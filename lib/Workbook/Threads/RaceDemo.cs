namespace Workbook.Threads;

/// <summary>
/// The lost-update race: N threads each add M to one shared count, with no synchronisation,
/// with a lock, with Interlocked, and with thread-local partial counts.
/// </summary>
/// <remarks>
/// Thread-safe: each call uses its own counter and threads. Calls block until the threads
/// finish (there is no way to hang: no thread waits for another after the start gate).
/// </remarks>
public static class RaceDemo
{
    /// <summary>Runs one strategy.</summary>
    /// <param name="strategy">How threads increment the shared count.</param>
    /// <param name="threads">How many threads (at least 1).</param>
    /// <param name="incrementsPerThread">How many increments each thread makes (at least 1).</param>
    /// <param name="timeProvider">The clock for <see cref="RaceResult.Elapsed"/>; the system clock by default.</param>
    /// <returns>Expected and actual counts and the elapsed time.</returns>
    public static RaceResult Run(
        CounterStrategy strategy,
        int threads = 4,
        int incrementsPerThread = 2_000_000,
        TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(incrementsPerThread);
        if (!Enum.IsDefined(strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown counter strategy.");
        }

        TimeProvider time = timeProvider ?? TimeProvider.System;
        var shared = new SharedCount();
        Action work = Work(strategy, shared, incrementsPerThread);

        // The calling thread is one more participant: it opens the gate and starts the clock.
        using var startGate = new Barrier(threads + 1);
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() =>
            {
                startGate.SignalAndWait();
                work();
            })
            {
                IsBackground = true,
                Name = $"race demo {strategy} {t}",
            };
            workers[t].Start();
        }

        startGate.SignalAndWait();
        long started = time.GetTimestamp();
        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        TimeSpan elapsed = time.GetElapsedTime(started);
        return new RaceResult(strategy, threads, incrementsPerThread, (long)threads * incrementsPerThread, shared.Count, elapsed);
    }

    /// <summary>Runs every strategy with the same parameters, in declaration order.</summary>
    /// <param name="threads">How many threads.</param>
    /// <param name="incrementsPerThread">How many increments each thread makes.</param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    /// <returns>One result per strategy.</returns>
    public static IReadOnlyList<RaceResult> RunAll(int threads = 4, int incrementsPerThread = 2_000_000, TimeProvider? timeProvider = null) =>
        [.. Enum.GetValues<CounterStrategy>().Select(s => Run(s, threads, incrementsPerThread, timeProvider))];

    private static Action Work(CounterStrategy strategy, SharedCount shared, int increments) => strategy switch
    {
        CounterStrategy.Unsynchronized => () =>
        {
            for (int i = 0; i < increments; i++)
            {
                // Read, add, write: another thread's write between our read and write is overwritten.
                shared.Count++;
            }
        },
        CounterStrategy.Lock => () =>
        {
            for (int i = 0; i < increments; i++)
            {
                lock (shared.Gate)
                {
                    shared.Count++;
                }
            }
        },
        CounterStrategy.Interlocked => () =>
        {
            for (int i = 0; i < increments; i++)
            {
                System.Threading.Interlocked.Increment(ref shared.Count);
            }
        },
        _ => () =>
        {
            long mine = 0;
            for (int i = 0; i < increments; i++)
            {
                mine++;
            }

            // One shared write per thread instead of one per increment.
            System.Threading.Interlocked.Add(ref shared.Count, mine);
        },
    };

    private sealed class SharedCount
    {
        public readonly object Gate = new();
        public long Count;
    }
}
