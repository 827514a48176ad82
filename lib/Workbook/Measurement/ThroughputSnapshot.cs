namespace Workbook.Measurement;

/// <summary>
/// What a <see cref="ThroughputMeter"/> had counted at one moment: the total, the overall rate
/// and the per-slice series for charts. The bucket counts add up to <see cref="Total"/>.
/// </summary>
/// <param name="Total">Operations counted from the meter's creation to <see cref="Elapsed"/>.</param>
/// <param name="Elapsed">Time from the meter's creation to the snapshot.</param>
/// <param name="BucketWidth">The meter's slice width.</param>
/// <param name="Buckets">One entry per slice from the start, in time order; the last may be unfinished.</param>
public sealed record ThroughputSnapshot(
    long Total,
    TimeSpan Elapsed,
    TimeSpan BucketWidth,
    IReadOnlyList<ThroughputBucket> Buckets)
{
    /// <summary>The overall rate: <see cref="Total"/> divided by <see cref="Elapsed"/> in seconds (0 if no time passed).</summary>
    public double OpsPerSecond => Elapsed > TimeSpan.Zero ? Total / Elapsed.TotalSeconds : 0;

    /// <summary>E.g. "12,345 ops in 1.02 s = 12,103 ops/s".</summary>
    /// <returns>The totals as one line.</returns>
    public override string ToString() =>
        $"{NumberText.Count(Total)} ops in {Durations.Format(Elapsed)} = {NumberText.Grouped(OpsPerSecond)} ops/s";
}
