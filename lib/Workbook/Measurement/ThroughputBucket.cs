namespace Workbook.Measurement;

/// <summary>The operations counted in one time slice of a <see cref="ThroughputMeter"/>.</summary>
/// <param name="Start">When the slice begins, measured from the meter's creation.</param>
/// <param name="Width">How long the slice is: the meter's bucket width, or less for the current, unfinished slice.</param>
/// <param name="Count">Operations counted in the slice.</param>
/// <param name="IsComplete">False for the slice still running when the snapshot was taken.</param>
public sealed record ThroughputBucket(TimeSpan Start, TimeSpan Width, long Count, bool IsComplete)
{
    /// <summary>The rate in this slice: <see cref="Count"/> divided by <see cref="Width"/> in seconds (0 for an empty width).</summary>
    public double PerSecond => Width > TimeSpan.Zero ? Count / Width.TotalSeconds : 0;

    /// <summary>E.g. "0.30 s +100 ms: 1,234 ops (12,340 ops/s)".</summary>
    /// <returns>The slice as one line.</returns>
    public override string ToString() =>
        $"{Durations.Format(Start)} +{Durations.Format(Width)}: {NumberText.Count(Count)} ops ({NumberText.Grouped(PerSecond)} ops/s)";
}
