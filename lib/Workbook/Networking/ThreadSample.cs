namespace Workbook.Networking;

/// <summary>The thread pool at one moment: how many threads it has and how many are running a work item.</summary>
/// <param name="At">Time since the batch started.</param>
/// <param name="Threads">Thread-pool threads then (<see cref="ThreadPool.ThreadCount"/>).</param>
/// <param name="Busy">Of those, the ones running a work item, blocked ones included (see <see cref="BusyNow"/>).</param>
public readonly record struct ThreadSample(TimeSpan At, int Threads, int Busy)
{
    /// <summary>
    /// Pool threads running a work item right now: the pool's maximum minus its available threads.
    /// Unlike <see cref="ThreadPool.ThreadCount"/>, it does not count idle threads left over from earlier work.
    /// </summary>
    /// <returns>The number of busy worker threads.</returns>
    public static int BusyNow()
    {
        ThreadPool.GetMaxThreads(out int max, out _);
        ThreadPool.GetAvailableThreads(out int available, out _);
        return max - available;
    }
}
