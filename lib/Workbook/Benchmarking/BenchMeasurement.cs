namespace Workbook.Benchmarking;

/// <summary>
/// One row of the benchmark results: a ratio measured side by side, the target it is judged
/// against and the verdict, with every contender's samples and the notes that explain the figure.
/// </summary>
/// <remarks>Immutable. Build measured rows with <c>BenchSpec.Judge</c>; the other factories make the rows of items that did not run.</remarks>
public sealed record BenchMeasurement
{
    /// <summary>The measurement's id: the issue's item number, with a letter when the item has several ratios ("1", "2a", "2b" …).</summary>
    public required string Id { get; init; }

    /// <summary>The item number (1-10) the measurement belongs to.</summary>
    public required int Item { get; init; }

    /// <summary>What is compared, e.g. "CPU-bound speedup: 2 threads vs sequential".</summary>
    public required string Name { get; init; }

    /// <summary>The verdict.</summary>
    public required BenchStatus Status { get; init; }

    /// <summary>The ratio, computed from the contenders' medians; null when nothing was measured or the row is a plain report.</summary>
    public double? Ratio { get; init; }

    /// <summary>How the ratio is computed, e.g. "sequential time ÷ parallel time".</summary>
    public string RatioDefinition { get; init; } = "";

    /// <summary>The target; null when the ratio is only reported.</summary>
    public BenchTarget? Target { get; init; }

    /// <summary>The contenders, each with its median and every round's sample.</summary>
    public IReadOnlyList<ContenderResult> Contenders { get; init; } = [];

    /// <summary>The ratio computed within each round (same formula, one round's samples): how much it varied.</summary>
    public IReadOnlyList<double> RoundRatios { get; init; } = [];

    /// <summary>Context figures (absolute times, memory, the machine's ceiling …); never judged.</summary>
    public IReadOnlyList<BenchMetric> Metrics { get; init; } = [];

    /// <summary>What limits the figure, why a row was skipped or pending, or the error of a failed one.</summary>
    public string Notes { get; init; } = "";

    /// <summary>True when met, false when not met, null for every row that was not judged against a target.</summary>
    public bool? Met => Status switch
    {
        BenchStatus.Met => true,
        BenchStatus.NotMet => false,
        _ => null,
    };

    /// <summary>The contender called <paramref name="name"/>.</summary>
    /// <param name="name">The contender's name.</param>
    /// <returns>The contender.</returns>
    /// <exception cref="KeyNotFoundException">No contender has that name (the message lists them).</exception>
    public ContenderResult Contender(string name) =>
        name is null ? throw new ArgumentNullException(nameof(name)) : Contenders.FirstOrDefault(c => c.Name == name)
        ?? throw new KeyNotFoundException($"Measurement {Id} has no contender '{name}'. It has: {string.Join(", ", Contenders.Select(c => c.Name))}.");

    /// <summary>E.g. <c>1 CPU-bound speedup: 1.62× (target ≥ 1.90×) not met</c>.</summary>
    /// <returns>One line.</returns>
    public override string ToString()
    {
        string ratio = Ratio is { } r ? BenchFormat.Ratio(r) : "—";
        string target = Target is null ? "" : $" (target {Target})";
        return $"{Id} {Name}: {ratio}{target} {BenchTable.StatusText(Status)}";
    }
}
