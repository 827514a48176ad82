using System.Globalization;
using Workbook.Charts;
using Workbook.Measurement;

namespace Workbook.Networking;

/// <summary>How many thread-pool threads a batch of concurrent requests needed (see <see cref="BlockingVsAsync"/>).</summary>
/// <param name="Style">Blocking or async.</param>
/// <param name="Requests">Requests sent, all at once.</param>
/// <param name="Failures">Requests that failed.</param>
/// <param name="Elapsed">Time until the last response.</param>
/// <param name="ThreadsBefore">Thread-pool threads before the batch.</param>
/// <param name="ThreadsAfter">Thread-pool threads right after it.</param>
/// <param name="PeakThreads">The most thread-pool threads seen during it.</param>
/// <param name="PeakBusy">The most pool threads seen running a work item at once (a blocked call keeps one busy).</param>
/// <param name="Timeline">Thread-pool threads over time, sampled every few milliseconds.</param>
public sealed record ThreadUsageResult(
    ClientStyle Style,
    int Requests,
    int Failures,
    TimeSpan Elapsed,
    int ThreadsBefore,
    int ThreadsAfter,
    int PeakThreads,
    int PeakBusy,
    IReadOnlyList<ThreadSample> Timeline)
{
    /// <summary>How many threads the pool added for this batch (peak minus before).</summary>
    public int Growth => Math.Max(0, PeakThreads - ThreadsBefore);

    /// <summary>The timeline as a chart series: seconds since the start against pool threads (or busy pool threads).</summary>
    /// <param name="busy">True for busy threads, false (the default) for all pool threads.</param>
    /// <returns>The series, named after the style.</returns>
    public Series ToSeries(bool busy = false) => Series.Of(
        Style.ToString().ToLowerInvariant() + (busy ? " (busy)" : ""),
        Timeline.Select(s => (s.At.TotalSeconds, busy ? s.Busy : s.Threads)));

    /// <summary>E.g. "blocking: 100 requests in 3.10 s, pool threads 4 → peak 38 (+34), at most 36 busy, 0 failed".</summary>
    /// <returns>The result as one line.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Style.ToString().ToLowerInvariant()}: {Requests:N0} requests in {Durations.Format(Elapsed)}, pool threads {ThreadsBefore} → peak {PeakThreads} (+{Growth}), at most {PeakBusy} busy, {Failures:N0} failed");
}
