using System.Diagnostics;

namespace Workbook.Tuning;

/// <summary>
/// Starts N dedicated threads behind one start gate, releases them together and joins them, timing
/// the run and counting the lock contentions (<see cref="Monitor.LockContentionCount"/>, process-wide)
/// from the release to the last join. The contention demos of this chapter share it.
/// </summary>
internal static class GatedThreads
{
    /// <summary>Runs <paramref name="body"/> on <paramref name="threads"/> threads, each given its index.</summary>
    /// <param name="threads">How many threads; at least 1 (the callers validate it).</param>
    /// <param name="name">The threads' name prefix, shown in debuggers and traces.</param>
    /// <param name="body">The work of thread i; it must return (nothing here can stop it).</param>
    /// <returns>The time from the release to the last thread's end, and the contentions counted meanwhile.</returns>
    public static (TimeSpan Elapsed, long Contentions) Run(int threads, string name, Action<int> body)
    {
        using var gate = new Barrier(threads + 1);
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            int index = t;
            workers[t] = new Thread(() =>
            {
                gate.SignalAndWait();
                body(index);
            })
            { IsBackground = true, Name = $"{name} {t}" };
            workers[t].Start();
        }

        long contentionsBefore = Monitor.LockContentionCount;
        gate.SignalAndWait();
        long start = Stopwatch.GetTimestamp();
        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        return (elapsed, Monitor.LockContentionCount - contentionsBefore);
    }
}
