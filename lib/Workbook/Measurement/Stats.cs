using System.Collections.ObjectModel;

namespace Workbook.Measurement;

/// <summary>
/// Summary statistics of a sample: count, min, median, mean, max, standard deviation and
/// interpolated percentiles. Build one with <see cref="Of(IEnumerable{double}, string)"/> or,
/// for durations, <see cref="Of(IEnumerable{TimeSpan})"/> (values are then in milliseconds).
/// </summary>
/// <remarks>Immutable once built, so it is safe to share between threads.</remarks>
public sealed record Stats
{
    /// <summary>The unit used for samples of durations: every value is in milliseconds.</summary>
    public const string Milliseconds = "ms";

    private readonly double[] _sorted;

    private Stats(double[] sorted, string unit)
    {
        _sorted = sorted;
        Unit = unit;
        Sorted = new ReadOnlyCollection<double>(sorted);
        Min = sorted[0];
        Max = sorted[^1];
        Median = Percentile(50);
        Mean = sorted.Average();
        // Sample (n - 1) standard deviation, computed in two passes to stay accurate for large values.
        double squares = 0;
        foreach (double value in sorted)
        {
            squares += (value - Mean) * (value - Mean);
        }
        StdDev = sorted.Length > 1 ? Math.Sqrt(squares / (sorted.Length - 1)) : 0;
    }

    /// <summary>Summarises a sample of plain numbers.</summary>
    /// <param name="sample">The values; at least one, all finite.</param>
    /// <param name="unit">Optional unit shown by <see cref="ToString"/>, e.g. "ops/s". Use <see cref="Milliseconds"/> for durations in ms.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">The sample is empty or contains NaN or infinity.</exception>
    public static Stats Of(IEnumerable<double> sample, string unit = "")
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(unit);
        double[] sorted = sample.ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("The sample is empty: statistics need at least one value.", nameof(sample));
        }
        if (Array.Exists(sorted, v => !double.IsFinite(v)))
        {
            throw new ArgumentException("The sample contains NaN or infinity: every value must be a finite number.", nameof(sample));
        }
        Array.Sort(sorted);
        return new Stats(sorted, unit);
    }

    /// <summary>Summarises a sample of durations; every statistic is then expressed in milliseconds.</summary>
    /// <param name="durations">The durations; at least one.</param>
    /// <returns>The summary, with <see cref="Unit"/> = "ms".</returns>
    /// <exception cref="ArgumentException">The sample is empty.</exception>
    public static Stats Of(IEnumerable<TimeSpan> durations)
    {
        ArgumentNullException.ThrowIfNull(durations);
        return Of(durations.Select(d => d.TotalMilliseconds), Milliseconds);
    }

    /// <summary>The unit of every statistic ("ms" for durations, possibly empty).</summary>
    public string Unit { get; }

    /// <summary>How many values the sample holds.</summary>
    public int Count => _sorted.Length;

    /// <summary>The smallest value.</summary>
    public double Min { get; }

    /// <summary>The middle value (the 50th percentile; the mean of the two middle values for an even count).</summary>
    public double Median { get; }

    /// <summary>The arithmetic mean.</summary>
    public double Mean { get; }

    /// <summary>The largest value.</summary>
    public double Max { get; }

    /// <summary>The sample standard deviation (divides by n − 1; 0 for a single value).</summary>
    public double StdDev { get; }

    /// <summary>The 90th percentile.</summary>
    public double P90 => Percentile(90);

    /// <summary>The 99th percentile.</summary>
    public double P99 => Percentile(99);

    /// <summary>The sample sorted ascending (read-only).</summary>
    public IReadOnlyList<double> Sorted { get; }

    /// <summary>
    /// The p-th percentile with linear interpolation between the two nearest ranks
    /// (the same definition as Excel's PERCENTILE.INC and NumPy's default).
    /// </summary>
    /// <param name="p">The percentile, from 0 (the minimum) to 100 (the maximum).</param>
    /// <returns>The interpolated value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 100] or NaN.</exception>
    public double Percentile(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The percentile must be between 0 and 100.");
        }
        double rank = p / 100 * (_sorted.Length - 1);
        int lower = (int)Math.Floor(rank);
        int upper = Math.Min(lower + 1, _sorted.Length - 1);
        double fraction = rank - lower;
        return _sorted[lower] + (_sorted[upper] - _sorted[lower]) * fraction;
    }

    /// <summary>A compact one-liner, e.g. "n=30 median 1.23 ms (min 1.10, p90 1.50, max 2.00, sd 0.21)".</summary>
    /// <returns>The summary text; durations are shown in ns, µs, ms or s depending on the median.</returns>
    public override string ToString()
    {
        double scale = 1;
        string unit = Unit;
        if (Unit == Milliseconds)
        {
            (scale, unit) = Durations.UnitFor(Median);
        }
        string Show(double v) => NumberText.Compact(v * scale);
        string suffix = unit.Length == 0 ? "" : " " + unit;
        return $"n={Count} median {Show(Median)}{suffix} (min {Show(Min)}, p90 {Show(P90)}, max {Show(Max)}, sd {Show(StdDev)})";
    }
}
