namespace Workbook.Benchmarking;

/// <summary>The small statistics the benchmark needs: the median of a handful of rounds.</summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class RoundMath
{
    /// <summary>The middle value of <paramref name="samples"/>; for an even count, the mean of the two middle values.</summary>
    /// <param name="samples">At least one finite value, in any order (the input is not changed).</param>
    /// <returns>The median.</returns>
    /// <exception cref="ArgumentException">The list is empty or holds NaN or infinity.</exception>
    public static double Median(IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("A median needs at least one sample.", nameof(samples));
        }

        double[] sorted = [.. samples];
        if (Array.Exists(sorted, s => !double.IsFinite(s)))
        {
            throw new ArgumentException("Every sample must be a finite number (no NaN or infinity).", nameof(samples));
        }

        Array.Sort(sorted);
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
