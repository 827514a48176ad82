namespace Workbook.Simulation;

/// <summary>
/// Summary statistics of a set of durations (virtual seconds in the simulator): count, mean,
/// 50th/90th/99th percentiles and maximum.
/// </summary>
/// <remarks>
/// Percentiles use the nearest-rank definition (the smallest sample with at least p% of the
/// samples at or below it) and are found by selection in O(n), not by sorting. Samples are
/// held as <see cref="float"/> to halve memory over millions of requests, so a percentile
/// carries a relative rounding error of at most 2^-24 (about 6e-8); the mean and maximum are
/// computed from the unrounded doubles.
/// </remarks>
/// <param name="Count">Number of samples.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="P50">Median.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="Max">Largest sample.</param>
public sealed record LatencySummary(long Count, double Mean, double P50, double P90, double P99, double Max)
{
    /// <summary>The summary of no samples (all statistics NaN).</summary>
    public static LatencySummary Empty { get; } = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>Summarises a sequence of samples.</summary>
    /// <param name="samples">The samples (finite, not NaN).</param>
    /// <returns>The summary; <see cref="Empty"/> for no samples.</returns>
    public static LatencySummary Of(IEnumerable<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var buffer = new List<float>();
        double sum = 0, max = double.NegativeInfinity;
        foreach (var s in samples)
        {
            if (double.IsNaN(s))
            {
                throw new ArgumentException("A sample is NaN.", nameof(samples));
            }

            buffer.Add((float)s);
            sum += s;
            max = Math.Max(max, s);
        }

        var array = buffer.ToArray();
        return FromBuffer(array, array.Length, sum, max);
    }

    /// <summary>Summarises the first <paramref name="count"/> entries of a scratch buffer, reordering them.</summary>
    internal static LatencySummary FromBuffer(float[] buffer, int count, double sum, double max)
    {
        if (count == 0)
        {
            return Empty;
        }

        var span = buffer.AsSpan(0, count);
        int k50 = Rank(0.50, count), k90 = Rank(0.90, count), k99 = Rank(0.99, count);

        // Each selection leaves the span partitioned at its rank, so the next one only searches the tail.
        float p50 = Selection.Select(span, k50);
        float p90 = Selection.Select(span[k50..], k90 - k50);
        float p99 = Selection.Select(span[k90..], k99 - k90);
        return new LatencySummary(count, sum / count, p50, p90, p99, max);
    }

    /// <inheritdoc />
    public override string ToString() => Count == 0
        ? "no samples"
        : $"mean {Mean:0.###}, p50 {P50:0.###}, p90 {P90:0.###}, p99 {P99:0.###}, max {Max:0.###} (n = {Count:N0})";

    // Nearest rank: ceil(p * n) as a 1-based position, so 0-based ceil(p * n) - 1.
    private static int Rank(double p, int count) => Math.Clamp((int)Math.Ceiling(p * count) - 1, 0, count - 1);
}
