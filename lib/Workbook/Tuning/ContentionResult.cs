using System.Globalization;
using Workbook.Measurement;

namespace Workbook.Tuning;

/// <summary>One run of <see cref="ContentionDemo"/>: how fast a counter kind was, whether it was exact, and how often threads waited for a lock.</summary>
/// <param name="Kind">The counter kind.</param>
/// <param name="Threads">Threads incrementing at once.</param>
/// <param name="Expected">Increments made (threads × increments per thread).</param>
/// <param name="Counted">The final count.</param>
/// <param name="Elapsed">From the start gate opening to the last thread finishing.</param>
/// <param name="LockContentions">Growth of <c>Monitor.LockContentionCount</c> during the run (process-wide).</param>
public sealed record ContentionResult(CounterKind Kind, int Threads, long Expected, long Counted, TimeSpan Elapsed, long LockContentions)
{
    /// <summary>True when no increment was lost.</summary>
    public bool IsExact => Counted == Expected;

    /// <summary>Wall time per increment, in nanoseconds.</summary>
    public double NanosecondsPerIncrement => Expected == 0 ? 0 : Elapsed.TotalNanoseconds / Expected;

    /// <summary>Increments per second, in millions, all threads together.</summary>
    public double MillionsPerSecond => Elapsed <= TimeSpan.Zero ? 0 : Expected / Elapsed.TotalSeconds / 1e6;

    /// <summary>One line with the rate, the exactness and the contentions.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Kind,-16} {Threads} threads: {NumberText.Count(Counted)} of {NumberText.Count(Expected)} counted in {Durations.Format(Elapsed),9} "
        + $"= {MillionsPerSecond,7:0.0} M/s ({NanosecondsPerIncrement,5:0.0} ns each), {NumberText.Count(LockContentions)} lock contentions");
}
