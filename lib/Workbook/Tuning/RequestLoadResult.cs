using System.Globalization;
using Workbook.Measurement;

namespace Workbook.Tuning;

/// <summary>What one <see cref="RequestLoad.Run"/> saw.</summary>
/// <param name="Statistics">The type of statistics under load.</param>
/// <param name="Threads">Threads recording at once.</param>
/// <param name="Calls">Record calls made, all threads together.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="LockContentions">Growth of <c>Monitor.LockContentionCount</c> during the run (process-wide).</param>
/// <param name="Exact">True when every hit, the total and the microseconds matched what was sent.</param>
public sealed record RequestLoadResult(string Statistics, int Threads, long Calls, TimeSpan Elapsed, long LockContentions, bool Exact)
{
    /// <summary>Lock contentions per million calls.</summary>
    public double ContentionsPerMillionCalls => Calls == 0 ? 0 : LockContentions * 1e6 / Calls;

    /// <summary>Calls per second, in millions.</summary>
    public double MillionCallsPerSecond => Elapsed <= TimeSpan.Zero ? 0 : Calls / Elapsed.TotalSeconds / 1e6;

    /// <summary>One line with the calls, the contentions and the exactness.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Statistics}: {Threads} threads, {NumberText.Count(Calls)} calls in {Durations.Format(Elapsed)} ({MillionCallsPerSecond:0.00} M/s), "
        + $"{NumberText.Count(LockContentions)} lock contentions ({ContentionsPerMillionCalls:0.0} per million calls), {(Exact ? "every request counted" : "COUNTS WRONG")}");
}
