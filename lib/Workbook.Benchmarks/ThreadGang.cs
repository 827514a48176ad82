namespace Workbook.Benchmarks;

/// <summary>
/// A fixed set of threads created once and released together for each round of work, so a
/// multi-threaded benchmark measures the work and not thread start-up.
/// </summary>
/// <remarks>
/// <see cref="Run"/> must be called from one thread at a time (BenchmarkDotNet's). Dispose ends
/// the threads (they are background threads and would not keep the process alive anyway).
/// </remarks>
public sealed class ThreadGang : IDisposable
{
    private readonly Barrier _start;
    private readonly Barrier _end;
    private readonly Thread[] _threads;
    private Action<int> _work = _ => { };
    private volatile bool _stopping;

    /// <summary>Starts <paramref name="threads"/> threads, parked until <see cref="Run"/>.</summary>
    /// <param name="threads">How many threads; at least 1.</param>
    public ThreadGang(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        _start = new Barrier(threads + 1);
        _end = new Barrier(threads + 1);
        _threads = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            int index = t;
            _threads[t] = new Thread(() => Loop(index)) { IsBackground = true, Name = $"benchmark gang {index}" };
            _threads[t].Start();
        }
    }

    /// <summary>Runs <paramref name="work"/> once on every thread (with its index) and returns when all are done.</summary>
    /// <param name="work">The work; receives the thread index.</param>
    public void Run(Action<int> work)
    {
        _work = work;
        _start.SignalAndWait();
        _end.SignalAndWait();
    }

    /// <summary>Ends the threads.</summary>
    public void Dispose()
    {
        _stopping = true;
        _start.SignalAndWait();
        foreach (Thread thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }

        _start.Dispose();
        _end.Dispose();
    }

    private void Loop(int index)
    {
        while (true)
        {
            _start.SignalAndWait();
            if (_stopping)
            {
                return;
            }

            _work(index);
            _end.SignalAndWait();
        }
    }
}
