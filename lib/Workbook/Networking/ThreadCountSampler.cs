using System.Diagnostics;

namespace Workbook.Networking;

/// <summary>
/// Records the pool's thread count and busy threads at a fixed period on a dedicated thread. A timer
/// would not do: its callbacks run on the pool, which is exactly what starves when calls block.
/// </summary>
/// <remarks>Owned by one caller: start by constructing, read with <see cref="Stop"/>; disposing also stops it.</remarks>
internal sealed class ThreadCountSampler : IDisposable
{
    private readonly List<ThreadSample> samples = [];
    private readonly ManualResetEventSlim stop = new();
    private readonly Thread thread;
    private readonly long start = Stopwatch.GetTimestamp();

    public ThreadCountSampler(TimeSpan period)
    {
        thread = new Thread(() =>
        {
            do
            {
                samples.Add(new ThreadSample(Stopwatch.GetElapsedTime(start), ThreadPool.ThreadCount, ThreadSample.BusyNow()));
            }
            while (!stop.Wait(period));
        })
        {
            IsBackground = true,
            Name = "thread-count sampler",
        };
        thread.Start();
    }

    /// <summary>Stops sampling and returns the samples in time order.</summary>
    public IReadOnlyList<ThreadSample> Stop()
    {
        stop.Set();
        thread.Join();
        return samples.ToArray();
    }

    public void Dispose()
    {
        stop.Set();
        thread.Join();
        stop.Dispose();
    }
}
