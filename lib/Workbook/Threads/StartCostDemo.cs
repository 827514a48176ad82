namespace Workbook.Threads;

/// <summary>
/// Compares the cost of starting tiny work items on a new thread each, on the thread pool, and
/// with <c>Task.Run</c>. Each item just increments a counter, so what is measured is the cost of
/// getting it started and finished.
/// </summary>
/// <remarks>Blocks until every item has run or <c>cancellationToken</c> is cancelled. Thread-safe.</remarks>
public static class StartCostDemo
{
    /// <summary>Starts <paramref name="items"/> items with one mechanism and waits for all of them.</summary>
    /// <param name="mechanism">How to start each item.</param>
    /// <param name="items">How many items (at least 1).</param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    /// <param name="cancellationToken">Stops waiting (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The items completed and the elapsed time.</returns>
    public static StartCost Measure(
        StartMechanism mechanism,
        int items = 1_000,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(items);
        if (!Enum.IsDefined(mechanism))
        {
            throw new ArgumentOutOfRangeException(nameof(mechanism), mechanism, "Unknown start mechanism.");
        }

        TimeProvider time = timeProvider ?? TimeProvider.System;

        // A small untimed round first: JIT compilation and the pool's first threads are one-off
        // costs that would otherwise be charged to whichever mechanism happens to run first.
        Start(mechanism, Math.Min(items, 32), () => { }, cancellationToken);

        int completed = 0;
        long started = time.GetTimestamp();
        Start(mechanism, items, () => Interlocked.Increment(ref completed), cancellationToken);
        return new StartCost(mechanism, items, Volatile.Read(ref completed), time.GetElapsedTime(started));
    }

    /// <summary>Measures every mechanism with the same item count, in declaration order.</summary>
    /// <param name="items">How many items per mechanism.</param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>One result per mechanism.</returns>
    public static IReadOnlyList<StartCost> MeasureAll(int items = 1_000, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default) =>
        [.. Enum.GetValues<StartMechanism>().Select(m => Measure(m, items, timeProvider, cancellationToken))];

    private static void Start(StartMechanism mechanism, int items, Action work, CancellationToken cancellationToken)
    {
        switch (mechanism)
        {
            case StartMechanism.NewThread:
                var threads = new Thread[items];
                for (int i = 0; i < items; i++)
                {
                    threads[i] = new Thread(new ThreadStart(work)) { IsBackground = true };
                    threads[i].Start();
                }

                foreach (Thread thread in threads)
                {
                    thread.Join();
                }

                break;

            case StartMechanism.ThreadPool:
                // Not disposed: if the wait is cancelled, queued items still signal it afterwards.
                var remaining = new CountdownEvent(items);
                for (int i = 0; i < items; i++)
                {
                    System.Threading.ThreadPool.QueueUserWorkItem(_ =>
                    {
                        work();
                        remaining.Signal();
                    });
                }

                remaining.Wait(cancellationToken);
                break;

            default:
                var tasks = new Task[items];
                for (int i = 0; i < items; i++)
                {
                    tasks[i] = Task.Run(work, CancellationToken.None);
                }

                Task.WaitAll(tasks, cancellationToken);
                break;
        }
    }
}
