using System.Collections.ObjectModel;

namespace Workbook.Measurement;

/// <summary>
/// The result of <see cref="Measure.Repeat"/>: the duration of every measured repetition, in
/// run order, and their <see cref="Stats"/> (in milliseconds).
/// </summary>
/// <remarks>Immutable, so it is safe to share between threads.</remarks>
public sealed record Timings
{
    /// <summary>Creates the result from the measured durations.</summary>
    /// <param name="samples">One duration per repetition, in run order; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="samples"/> is empty.</exception>
    public Timings(IEnumerable<TimeSpan> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        TimeSpan[] copy = samples.ToArray();
        Stats = Stats.Of(copy);
        Samples = new ReadOnlyCollection<TimeSpan>(copy);
        Milliseconds = new ReadOnlyCollection<double>(Array.ConvertAll(copy, s => s.TotalMilliseconds));
    }

    /// <summary>The duration of each measured repetition, in run order (warm-up runs excluded).</summary>
    public IReadOnlyList<TimeSpan> Samples { get; }

    /// <summary>The same durations in milliseconds, handy for charts and arithmetic.</summary>
    public IReadOnlyList<double> Milliseconds { get; }

    /// <summary>Summary statistics of the samples, in milliseconds.</summary>
    public Stats Stats { get; }

    /// <summary>The median duration: the usual figure to compare two runs (e.g. <c>slow.Median / fast.Median</c>).</summary>
    public TimeSpan Median => TimeSpan.FromMilliseconds(Stats.Median);

    /// <summary>The summary one-liner, e.g. "n=30 median 1.23 ms (min 1.10, p90 1.50, max 2.00, sd 0.21)".</summary>
    /// <returns>The text of <see cref="Stats"/>.</returns>
    public override string ToString() => Stats.ToString();
}
