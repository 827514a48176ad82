using System.Globalization;

namespace Workbook.Threads;

/// <summary>One timing from the recorded CPython measurement (<see cref="CPythonRecording"/>).</summary>
/// <param name="Mode"><c>sequential</c>, <c>threads</c> or <c>processes</c>.</param>
/// <param name="Workers">How many threads or processes shared the work (1 for sequential).</param>
/// <param name="Seconds">The best of the recorded runs, in seconds.</param>
/// <param name="Speedup">The sequential time divided by this time.</param>
public sealed record CPythonRun(string Mode, int Workers, double Seconds, double Speedup)
{
    /// <summary>E.g. <c>threads × 2: 1.234 s, speedup 0.98×</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Mode} × {Workers}: {Seconds:0.000} s, speedup {Speedup:0.00}×");
}
