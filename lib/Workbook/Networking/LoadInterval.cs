using System.Globalization;
using Workbook.Measurement;

namespace Workbook.Networking;

/// <summary>One time slice of a load run (one second by default): how many requests completed in it and how slow the slowest were.</summary>
/// <param name="Start">When the slice begins, measured from the start of the run.</param>
/// <param name="Width">How long the slice is (the last one may be shorter).</param>
/// <param name="Completions">Requests that completed in the slice, errors included.</param>
/// <param name="Errors">Of those, the ones that failed.</param>
/// <param name="P99Milliseconds">The 99th-percentile latency of the slice's successful requests, in ms (0 if none).</param>
public sealed record LoadInterval(TimeSpan Start, TimeSpan Width, long Completions, long Errors, double P99Milliseconds)
{
    /// <summary>The completion rate in this slice, per second.</summary>
    public double PerSecond => Width > TimeSpan.Zero ? Completions / Width.TotalSeconds : 0;

    /// <summary>E.g. "1.00 s +1.00 s: 8,123 done (0 errors), p99 2.10 ms".</summary>
    /// <returns>The slice as one line.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Durations.Format(Start)} +{Durations.Format(Width)}: {Completions:N0} done ({Errors:N0} errors), p99 {Durations.FormatMilliseconds(P99Milliseconds)}");
}
