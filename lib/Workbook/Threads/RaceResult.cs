using System.Globalization;

namespace Workbook.Threads;

/// <summary>What one run of <see cref="RaceDemo"/> counted.</summary>
/// <param name="Strategy">How the threads incremented.</param>
/// <param name="Threads">How many threads ran.</param>
/// <param name="IncrementsPerThread">How many increments each thread made.</param>
/// <param name="Expected">Threads × increments: the right answer.</param>
/// <param name="Actual">What the shared count ended at.</param>
/// <param name="Elapsed">From the start gate opening to the last thread finishing.</param>
public sealed record RaceResult(
    CounterStrategy Strategy,
    int Threads,
    int IncrementsPerThread,
    long Expected,
    long Actual,
    TimeSpan Elapsed)
{
    /// <summary>Increments that vanished (<see cref="Expected"/> − <see cref="Actual"/>).</summary>
    public long Lost => Expected - Actual;

    /// <summary>True when every increment was counted.</summary>
    public bool IsExact => Actual == Expected;

    /// <summary>E.g. <c>Unsynchronized: 3,456,789 of 4,000,000 (543,211 lost) in 12 ms</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Strategy}: {Actual:N0} of {Expected:N0} ({Lost:N0} lost) in {Elapsed.TotalMilliseconds:N0} ms");
}
