using System.Globalization;
using Workbook.Measurement;

namespace Workbook.Threads;

/// <summary>What running <see cref="Items"/> tiny work items with one mechanism cost.</summary>
/// <param name="Mechanism">How the items were started.</param>
/// <param name="Items">How many items were started.</param>
/// <param name="Completed">How many ran to completion (equals <see cref="Items"/>).</param>
/// <param name="Elapsed">From the first start to the last completion.</param>
public sealed record StartCost(StartMechanism Mechanism, int Items, int Completed, TimeSpan Elapsed)
{
    /// <summary>The average cost of one item (a TimeSpan, so rounded to 0.1 µs; see <see cref="PerItemMicroseconds"/>).</summary>
    public TimeSpan PerItem => Items == 0 ? TimeSpan.Zero : Elapsed / Items;

    /// <summary>
    /// The average cost of one item in microseconds, unrounded: a pool item costs a fraction of a
    /// microsecond, finer than a TimeSpan's 100 ns tick, so ratios should be taken from this.
    /// </summary>
    public double PerItemMicroseconds => Items == 0 ? 0 : Elapsed.TotalMicroseconds / Items;

    /// <summary>E.g. <c>NewThread: 1,000 items in 85.0 ms (85.00 µs each)</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Mechanism}: {Completed:N0} items in {Durations.Format(Elapsed)} ({PerItemMicroseconds:0.00} µs each)");
}
