using System.Globalization;
using Workbook.Charts;

namespace Workbook.Async;

/// <summary>One run of <see cref="StarvationDemo"/>: how long the requests took and how the pool behaved meanwhile.</summary>
/// <param name="Style">How each request waited for its I/O.</param>
/// <param name="Requests">How many requests were queued at once.</param>
/// <param name="Io">How long each request's I/O took.</param>
/// <param name="MinWorkerThreads">The pool's minimum worker threads during the run (<c>ThreadPool.GetMinThreads</c>).</param>
/// <param name="Completed">How many requests finished.</param>
/// <param name="Elapsed">From queuing the requests to the last one finishing (or to giving up).</param>
/// <param name="GaveUp">True when the run hit its time limit and the remaining requests were cancelled.</param>
/// <param name="Samples">The pool readings, one per sampling interval, in time order.</param>
public sealed record StarvationRun(
    RequestStyle Style,
    int Requests,
    TimeSpan Io,
    int MinWorkerThreads,
    int Completed,
    TimeSpan Elapsed,
    bool GaveUp,
    IReadOnlyList<PoolSample> Samples)
{
    /// <summary>Pool threads when the run began.</summary>
    public int ThreadsAtStart => Samples.Count == 0 ? 0 : Samples[0].Threads;

    /// <summary>The most pool threads seen during the run.</summary>
    public int PeakThreads => Samples.Count == 0 ? 0 : Samples.Max(s => s.Threads);

    /// <summary>When the first request finished, or null if none did.</summary>
    public TimeSpan? FirstCompletion => Samples.FirstOrDefault(s => s.Completed > 0)?.At;

    /// <summary>Elapsed divided by one request's I/O: 1.0 means every request overlapped perfectly.</summary>
    public double RelativeToOneRequest => Elapsed / Io;

    /// <summary>Pool threads over time, for <see cref="Plot.Line(IEnumerable{Series}, string, string, string, Series?, bool, bool)"/>; x in seconds.</summary>
    /// <param name="name">The legend entry; the style when null.</param>
    /// <returns>The series.</returns>
    public Series ThreadSeries(string? name = null) =>
        new(name ?? Style.ToString(), Samples.Select(s => s.At.TotalSeconds), Samples.Select(s => (double)s.Threads));

    /// <summary>Queued, not-yet-started work items over time; x in seconds.</summary>
    /// <param name="name">The legend entry; the style when null.</param>
    /// <returns>The series.</returns>
    public Series PendingSeries(string? name = null) =>
        new(name ?? Style.ToString(), Samples.Select(s => s.At.TotalSeconds), Samples.Select(s => (double)s.PendingWorkItems));

    /// <summary>Finished requests over time; x in seconds.</summary>
    /// <param name="name">The legend entry; the style when null.</param>
    /// <returns>The series.</returns>
    public Series CompletedSeries(string? name = null) =>
        new(name ?? Style.ToString(), Samples.Select(s => s.At.TotalSeconds), Samples.Select(s => (double)s.Completed));

    /// <summary>E.g. <c>SyncOverAsync: 48/48 requests of 100 ms in 9.81 s (98× one request); pool threads 2 → 50; first finished at 9.70 s</c>.</summary>
    public override string ToString()
    {
        string first = FirstCompletion is { } at
            ? string.Create(CultureInfo.InvariantCulture, $"first finished at {at.TotalSeconds:0.00} s")
            : "none finished";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Style}: {Completed}/{Requests} requests of {Io.TotalMilliseconds:0} ms in {Elapsed.TotalSeconds:0.00} s ({RelativeToOneRequest:0.#}× one request); "
                + $"pool threads {ThreadsAtStart} → {PeakThreads} (min {MinWorkerThreads}); {first}{(GaveUp ? "; GAVE UP at the time limit" : "")}");
    }
}
