using System.Diagnostics;

namespace Workbook.Processes;

/// <summary>
/// Runs the same CPU-bound work items on 1, 2, … n worker processes and on 1, 2, … n threads in
/// this process, and times each run, for the chapter's "processes vs threads" throughput chart.
/// </summary>
/// <remarks>
/// Measurements only; they decide nothing. Process start-up is excluded (each pool is started
/// and given one untimed run of the items before the clock starts), because start-up has its own
/// chart; what remains is the cost of the work plus sending it over a pipe. Runs are made one at
/// a time, alternating processes and threads per count so that a noisy moment on the machine
/// hurts both alike.
/// Thread-safe, but running other work at the same time skews the numbers. Every pool is
/// disposed before the method returns, also when it is cancelled or fails.
/// </remarks>
public static class ProcessScaling
{
    /// <summary>Measures <paramref name="items"/> on 1..<paramref name="maxWorkers"/> processes and threads.</summary>
    /// <param name="items">CPU-bound items (<see cref="WorkOperation.CountPrimes"/>, <see cref="WorkOperation.Spin"/>,
    /// <see cref="WorkOperation.Sleep"/> or <see cref="WorkOperation.Echo"/>); at least one.</param>
    /// <param name="maxWorkers">The largest count; twice the core count by default.</param>
    /// <param name="rounds">Runs per point, at least 1; each point keeps its fastest run, which is the
    /// one least disturbed by whatever else the machine was doing.</param>
    /// <param name="cancellationToken">Stops the measurement; running pools are disposed.</param>
    /// <returns>Two points per count (processes first), counts in increasing order.</returns>
    /// <exception cref="ArgumentException"><paramref name="items"/> is empty or holds an item that cannot run in this process.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWorkers"/> or <paramref name="rounds"/> is 0 or negative.</exception>
    public static Task<IReadOnlyList<ScalingPoint>> CompareAsync(
        IReadOnlyList<WorkItem> items, int? maxWorkers = null, int rounds = 3, CancellationToken cancellationToken = default)
    {
        ValidateItems(items);
        int most = maxWorkers ?? 2 * Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(most, nameof(maxWorkers));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        return CompareCoreAsync(items, most, rounds, cancellationToken);
    }

    /// <summary>Starts a pool of <paramref name="workers"/> processes, runs the items once untimed (warm-up), then times running every item on it.</summary>
    /// <param name="items">The items; none may be null.</param>
    /// <param name="workers">How many worker processes, at least 1.</param>
    /// <param name="rounds">Runs on the same pool, at least 1; the fastest one is kept.</param>
    /// <param name="cancellationToken">Stops the run; the pool is disposed.</param>
    /// <returns>The measurement; the pool has been disposed.</returns>
    /// <exception cref="ArgumentException"><paramref name="items"/> is empty or holds a null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> or <paramref name="rounds"/> is 0 or negative.</exception>
    public static Task<ScalingPoint> MeasureProcessesAsync(
        IReadOnlyList<WorkItem> items, int workers, int rounds = 1, CancellationToken cancellationToken = default)
    {
        ValidateItems(items, inProcess: false);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        return MeasureProcessesCoreAsync(items, workers, rounds, cancellationToken);
    }

    private static async Task<IReadOnlyList<ScalingPoint>> CompareCoreAsync(
        IReadOnlyList<WorkItem> items, int most, int rounds, CancellationToken cancellationToken)
    {
        // One untimed sequential run here, as each pool gets one on its own workers.
        RunOnThreads(items, 1, cancellationToken);
        var points = new List<ScalingPoint>(2 * most);
        for (int workers = 1; workers <= most; workers++)
        {
            ProcessPool pool = await StartWarmPoolAsync(items, workers, cancellationToken).ConfigureAwait(false);
            try
            {
                // Rounds alternate, processes then threads, so a burst of noise from elsewhere
                // on the machine lands on both; each side keeps its fastest round.
                (TimeSpan Elapsed, long Total) processes = (TimeSpan.MaxValue, 0), threads = (TimeSpan.MaxValue, 0);
                for (int round = 0; round < rounds; round++)
                {
                    processes = Faster(processes, await TimePoolRunAsync(pool, items, cancellationToken).ConfigureAwait(false));
                    threads = Faster(threads, RunOnThreads(items, workers, cancellationToken));
                }

                points.Add(new ScalingPoint(
                    ScalingMode.Processes, workers, items.Count, processes.Total, processes.Elapsed, [.. pool.ProcessIdsEverStarted]));
                points.Add(new ScalingPoint(ScalingMode.Threads, workers, items.Count, threads.Total, threads.Elapsed, []));
            }
            finally
            {
                await pool.DisposeAsync().ConfigureAwait(false);
            }
        }

        return points;
    }

    private static async Task<ScalingPoint> MeasureProcessesCoreAsync(
        IReadOnlyList<WorkItem> items, int workers, int rounds, CancellationToken cancellationToken)
    {
        ProcessPool pool = await StartWarmPoolAsync(items, workers, cancellationToken).ConfigureAwait(false);
        try
        {
            (TimeSpan Elapsed, long Total) best = (TimeSpan.MaxValue, 0);
            for (int round = 0; round < rounds; round++)
            {
                best = Faster(best, await TimePoolRunAsync(pool, items, cancellationToken).ConfigureAwait(false));
            }

            return new ScalingPoint(ScalingMode.Processes, workers, items.Count, best.Total, best.Elapsed, [.. pool.ProcessIdsEverStarted]);
        }
        finally
        {
            await pool.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<ProcessPool> StartWarmPoolAsync(IReadOnlyList<WorkItem> items, int workers, CancellationToken cancellationToken)
    {
        ProcessPool pool = await ProcessPool.StartAsync(workers, cancellationToken).ConfigureAwait(false);
        try
        {
            // One untimed run first. A fresh process starts with unoptimised code and only swaps in
            // the optimised version after its tiered JIT has watched the hot loop for a while;
            // timing that would charge the processes for compilation, not for work.
            await pool.RunAllAsync(items, cancellationToken).ConfigureAwait(false);
            return pool;
        }
        catch
        {
            await pool.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<(TimeSpan Elapsed, long Total)> TimePoolRunAsync(
        ProcessPool pool, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        IReadOnlyList<WorkResult> results = await pool.RunAllAsync(items, cancellationToken).ConfigureAwait(false);
        return (Stopwatch.GetElapsedTime(started), results.Sum(r => r.Value));
    }

    private static (TimeSpan Elapsed, long Total) Faster((TimeSpan Elapsed, long Total) best, (TimeSpan Elapsed, long Total) run) =>
        run.Elapsed < best.Elapsed ? run : best;

    /// <summary>Times running every item on <paramref name="threads"/> new threads in this process, each taking the next item when free.</summary>
    /// <param name="items">Items that can run in-process (not <see cref="WorkOperation.Crash"/> or <see cref="WorkOperation.Throw"/>).</param>
    /// <param name="threads">How many threads, at least 1.</param>
    /// <param name="rounds">Runs, at least 1; the fastest one is kept.</param>
    /// <param name="cancellationToken">Stops the threads at their next check.</param>
    /// <returns>The measurement; every thread has finished.</returns>
    /// <exception cref="ArgumentException"><paramref name="items"/> is empty or holds an item that cannot run here.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> or <paramref name="rounds"/> is 0 or negative.</exception>
    public static ScalingPoint MeasureThreads(
        IReadOnlyList<WorkItem> items, int threads, int rounds = 1, CancellationToken cancellationToken = default)
    {
        ValidateItems(items);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        (TimeSpan Elapsed, long Total) best = (TimeSpan.MaxValue, 0);
        for (int round = 0; round < rounds; round++)
        {
            best = Faster(best, RunOnThreads(items, threads, cancellationToken));
        }

        return new ScalingPoint(ScalingMode.Threads, threads, items.Count, best.Total, best.Elapsed, []);
    }

    private static (TimeSpan Elapsed, long Total) RunOnThreads(IReadOnlyList<WorkItem> items, int threads, CancellationToken cancellationToken)
    {
        var values = new long[items.Count];
        int next = -1;
        Exception? failure = null;

        // Dedicated threads, like the pool's dedicated processes: thread-pool threads would be
        // added one by one once the pool's minimum is reached, which this measurement must not see.
        long started = Stopwatch.GetTimestamp();
        Thread[] workers =
        [
            .. Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                try
                {
                    int index;
                    while ((index = Interlocked.Increment(ref next)) < items.Count)
                    {
                        values[index] = InProcess.Run(items[index], cancellationToken);
                    }
                }
                catch (Exception error)
                {
                    Interlocked.CompareExchange(ref failure, error, null);
                }
            })
            {
                IsBackground = true,
                Name = $"scaling worker {t}",
            }),
        ];
        foreach (Thread worker in workers)
        {
            worker.Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
        if (failure is not null)
        {
            throw failure is OperationCanceledException ? failure : new InvalidOperationException("A scaling thread failed.", failure);
        }

        return (elapsed, values.Sum());
    }

    private static void ValidateItems(IReadOnlyList<WorkItem> items, bool inProcess = true)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            throw new ArgumentException("Give at least one work item to measure.", nameof(items));
        }

        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                throw new ArgumentException($"Work item at index {i} is null; every item must be set.", nameof(items));
            }

            if (inProcess && !InProcess.CanRun(items[i]))
            {
                throw new ArgumentException(
                    $"Work item at index {i} ({items[i]}) cannot run in this process: it would crash or fail it on purpose.", nameof(items));
            }
        }
    }
}
