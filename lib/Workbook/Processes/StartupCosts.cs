using System.Diagnostics;

namespace Workbook.Processes;

/// <summary>Typical start-up costs, in milliseconds (medians), for the chapter's "how expensive is a process?" chart.</summary>
/// <param name="ProcessMilliseconds">Start a worker process and get the reply to its first item.</param>
/// <param name="ThreadMilliseconds">Start a new thread until its first line of code runs.</param>
/// <param name="ThreadPoolItemMilliseconds">Queue a thread-pool work item until it runs.</param>
/// <param name="Repetitions">How many samples each median is taken from.</param>
public sealed record StartupCostReport(
    double ProcessMilliseconds, double ThreadMilliseconds, double ThreadPoolItemMilliseconds, int Repetitions)
{
    /// <summary>How many thread starts cost as much as one process start.</summary>
    public double ProcessPerThread => ProcessMilliseconds / Math.Max(ThreadMilliseconds, double.Epsilon);

    /// <summary>How many pool work items cost as much as one process start.</summary>
    public double ProcessPerPoolItem => ProcessMilliseconds / Math.Max(ThreadPoolItemMilliseconds, double.Epsilon);

    /// <summary>For example <c>process 180.2 ms, thread 0.120 ms, pool item 0.015 ms (median of 5)</c>.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() =>
        $"process {ProcessMilliseconds:0.0} ms, thread {ThreadMilliseconds:0.000} ms, " +
        $"pool item {ThreadPoolItemMilliseconds:0.000} ms (median of {Repetitions})";
}

/// <summary>Measures what it costs to get code running in a new process, a new thread, or the thread pool.</summary>
/// <remarks>
/// Measurements only: they return plain numbers and decide nothing. Each kind is warmed up once
/// (so JIT compilation of the measuring code is not counted) and then sampled. Thread-safe, but
/// running other work at the same time skews the numbers.
/// </remarks>
public static class StartupCosts
{
    /// <summary>Measures all three kinds <paramref name="repetitions"/> times and reports the medians.</summary>
    /// <param name="repetitions">Samples per kind, at least 1; each process sample costs a process start.</param>
    /// <param name="cancellationToken">Stops between samples.</param>
    /// <returns>The medians, in milliseconds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="repetitions"/> is 0 or negative.</exception>
    public static async Task<StartupCostReport> MeasureAsync(int repetitions = 5, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repetitions);
        MeasureThread();
        MeasureThreadPoolItem();
        var process = new double[repetitions];
        var thread = new double[repetitions];
        var poolItem = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            process[i] = (await MeasureProcessAsync(cancellationToken).ConfigureAwait(false)).TotalMilliseconds;
            thread[i] = MeasureThread().TotalMilliseconds;
            poolItem[i] = MeasureThreadPoolItem().TotalMilliseconds;
        }

        return new StartupCostReport(Median(process), Median(thread), Median(poolItem), repetitions);
    }

    /// <summary>Time from asking for a new worker process until the reply to its first (echo) item arrives.</summary>
    /// <param name="cancellationToken">Abandons the measurement; the process is still cleaned up.</param>
    /// <returns>The elapsed time; the process is disposed before this returns.</returns>
    public static async Task<TimeSpan> MeasureProcessAsync(CancellationToken cancellationToken = default)
    {
        long started = Stopwatch.GetTimestamp();
        await using WorkerProcess worker = await WorkerProcess.StartAsync(cancellationToken).ConfigureAwait(false);
        await worker.RunAsync(WorkItem.Echo("first"), cancellationToken).ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Time from creating a new thread until its code starts running.</summary>
    /// <returns>The elapsed time; the thread has finished before this returns.</returns>
    public static TimeSpan MeasureThread()
    {
        long ran = 0;
        long started = Stopwatch.GetTimestamp();
        var thread = new Thread(() => ran = Stopwatch.GetTimestamp()) { IsBackground = true };
        thread.Start();
        thread.Join();
        return Stopwatch.GetElapsedTime(started, ran);
    }

    /// <summary>Time from queueing a thread-pool work item until it starts running.</summary>
    /// <returns>The elapsed time.</returns>
    public static TimeSpan MeasureThreadPoolItem()
    {
        using var done = new ManualResetEventSlim();
        long ran = 0;
        long started = Stopwatch.GetTimestamp();
        ThreadPool.UnsafeQueueUserWorkItem(
            _ =>
            {
                ran = Stopwatch.GetTimestamp();
                done.Set();
            },
            null);
        done.Wait();
        return Stopwatch.GetElapsedTime(started, ran);
    }

    private static double Median(double[] samples)
    {
        double[] sorted = [.. samples.Order()];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
