namespace Workbook.Benchmarking;

/// <summary>A figure reported next to a ratio for context, e.g. bytes per pending task or the machine's own parallel ceiling.</summary>
/// <param name="Name">What it is, e.g. "bytes per pending task".</param>
/// <param name="Value">The value.</param>
/// <param name="Unit">Its unit, e.g. "B"; may be empty.</param>
/// <remarks>Immutable. Context only: no verdict is ever based on a metric.</remarks>
public sealed record BenchMetric(string Name, double Value, string Unit = "")
{
    /// <summary>E.g. <c>bytes per pending task: 312 B</c>.</summary>
    /// <returns>The name, value and unit.</returns>
    public override string ToString() => $"{Name}: {BenchFormat.WithUnit(Value, Unit)}";
}
