namespace Workbook.Benchmarking;

/// <summary>One contender of a side-by-side measurement: every round's sample and their median.</summary>
/// <param name="Name">What was measured, e.g. "2 threads" or "wrk".</param>
/// <param name="Unit">The samples' unit, e.g. "s" or "req/s".</param>
/// <param name="Median">The median of <paramref name="Samples"/>.</param>
/// <param name="Samples">One sample per round, in round order.</param>
/// <remarks>Immutable.</remarks>
public sealed record ContenderResult(string Name, string Unit, double Median, IReadOnlyList<double> Samples)
{
    /// <summary>Builds the result from its samples, computing the median.</summary>
    /// <param name="name">What was measured (not empty).</param>
    /// <param name="unit">The samples' unit (may be empty).</param>
    /// <param name="samples">At least one finite sample, in round order.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">The name is empty, or the samples are empty or not finite.</exception>
    public static ContenderResult FromSamples(string name, string unit, IReadOnlyList<double> samples)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(unit);
        return new ContenderResult(name, unit, RoundMath.Median(samples), [.. samples]);
    }

    /// <summary>E.g. <c>2 threads: median 0.512 s of 5 rounds</c>.</summary>
    /// <returns>The name, median and round count.</returns>
    public override string ToString() => $"{Name}: median {BenchFormat.WithUnit(Median, Unit)} of {Samples.Count} round(s)";
}
