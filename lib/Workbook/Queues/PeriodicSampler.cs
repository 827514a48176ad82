namespace Workbook.Queues;

/// <summary>Reads a few counters on a timer so a run can be charted afterwards.</summary>
/// <remarks>
/// Thread-safety: the probes are called from the sampler's own loop (and once more from
/// <see cref="StopAsync"/>), so they must be safe to call concurrently with the work they
/// observe (channel counts and Interlocked counters are). <see cref="StopAsync"/> may be called
/// once; after it returns no further samples are taken and the timer is disposed.
/// </remarks>
internal sealed class PeriodicSampler
{
    private readonly TimeProvider time;
    private readonly Func<long>[] probes;
    private readonly List<(TimeSpan At, long Value)>[] series;
    private readonly long started;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly List<(int Count, TaskCompletionSource Done)> waiters = [];
    private int samples;

    /// <summary>Starts sampling every <paramref name="every"/> with an immediate first sample.</summary>
    public PeriodicSampler(TimeProvider time, TimeSpan every, params Func<long>[] probes)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(every, TimeSpan.Zero);
        this.time = time;
        this.probes = probes;
        series = probes.Select(_ => new List<(TimeSpan, long)>()).ToArray();
        started = time.GetTimestamp();
        Sample();
        loop = RunAsync(every);
    }

    /// <summary>Completes when the sampling loop has ended (after <see cref="StopAsync"/>).</summary>
    public Task Completion => loop;

    /// <summary>Time since the sampler was created, on its <see cref="TimeProvider"/>.</summary>
    public TimeSpan Elapsed => time.GetElapsedTime(started);

    /// <summary>Completes once at least <paramref name="count"/> samples have been taken (for tests to sequence ticks).</summary>
    internal Task WhenSampled(int count)
    {
        lock (series)
        {
            if (samples >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, done));
            return done.Task;
        }
    }

    /// <summary>Stops the loop, takes one last sample and returns every series.</summary>
    public async Task<IReadOnlyList<(TimeSpan At, long Value)>[]> StopAsync()
    {
        stop.Cancel();
        await loop.ConfigureAwait(false);
        // A final sample guarantees the chart shows where the run ended even if it was
        // shorter than one sampling interval.
        Sample();
        stop.Dispose();
        lock (series)
        {
            return series.Select(s => (IReadOnlyList<(TimeSpan, long)>)s.ToArray()).ToArray();
        }
    }

    private async Task RunAsync(TimeSpan every)
    {
        using var timer = new PeriodicTimer(every, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // StopAsync asked us to finish; this is the normal way out.
        }
    }

    private void Sample()
    {
        var at = time.GetElapsedTime(started);
        lock (series)
        {
            for (var i = 0; i < probes.Length; i++)
            {
                series[i].Add((at, probes[i]()));
            }

            samples++;
            foreach (var waiter in waiters.Where(w => w.Count <= samples).ToArray())
            {
                waiters.Remove(waiter);
                waiter.Done.SetResult();
            }
        }
    }
}
