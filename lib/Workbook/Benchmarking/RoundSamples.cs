namespace Workbook.Benchmarking;

/// <summary>The samples of an interleaved measurement: one per contender per round, and the order they were taken in.</summary>
/// <param name="Contenders">Every contender's name, unit, median and samples, in the order they were given.</param>
/// <param name="Order">Each sample as (round, contender name), in the order it was taken; warm-up calls are not listed.</param>
/// <remarks>Immutable.</remarks>
public sealed record RoundSamples(IReadOnlyList<ContenderResult> Contenders, IReadOnlyList<(int Round, string Contender)> Order)
{
    /// <summary>How many rounds were measured.</summary>
    public int Rounds => Contenders.Count == 0 ? 0 : Contenders[0].Samples.Count;

    /// <summary>Evaluates <paramref name="ratio"/> on the contenders' medians.</summary>
    /// <param name="ratio">The formula, given a lookup from contender name to value, e.g. <c>v =&gt; v("sequential") / v("parallel")</c>.</param>
    /// <returns>The ratio of the medians.</returns>
    /// <exception cref="KeyNotFoundException">The formula names a contender that does not exist.</exception>
    public double RatioOfMedians(Func<Func<string, double>, double> ratio)
    {
        ArgumentNullException.ThrowIfNull(ratio);
        return ratio(name => Find(name).Median);
    }

    /// <summary>Evaluates <paramref name="ratio"/> on each round's samples separately: how much the ratio varied between rounds.</summary>
    /// <param name="ratio">The formula, as for <see cref="RatioOfMedians"/>.</param>
    /// <returns>One ratio per round.</returns>
    public IReadOnlyList<double> RatioPerRound(Func<Func<string, double>, double> ratio)
    {
        ArgumentNullException.ThrowIfNull(ratio);
        return [.. Enumerable.Range(0, Rounds).Select(round => ratio(name => Find(name).Samples[round]))];
    }

    private ContenderResult Find(string name) =>
        Contenders.FirstOrDefault(c => c.Name == name)
        ?? throw new KeyNotFoundException($"No contender '{name}'. Contenders: {string.Join(", ", Contenders.Select(c => c.Name))}.");
}
