using System.Globalization;
using Workbook.Charts;
using XPlot.Plotly;

namespace Workbook.Balancing.Farm;

/// <summary>
/// Charts of a <see cref="FarmComparison"/> that the general <see cref="Plot"/> builders cannot draw in one
/// call: <c>FarmCharts.Latency(result, reference: TimeSpan.FromMilliseconds(100))</c>.
/// </summary>
/// <remarks>Stateless; safe to call from any thread.</remarks>
public static class FarmCharts
{
    /// <summary>
    /// Mean and p99 latency side by side for every contender, with an optional dashed reference line,
    /// e.g. the slow backend's delay: a p99 above that line means more than 1% of the requests went to it.
    /// </summary>
    /// <param name="result">A comparison's result.</param>
    /// <param name="reference">Where to draw the dashed line, or null for none.</param>
    /// <param name="referenceName">The line's legend entry; "reference (N ms)" when null.</param>
    /// <returns>The chart: a "mean" and a "p99" bar per contender, plus the line.</returns>
    /// <exception cref="ArgumentException">The result has no contenders.</exception>
    public static PlotlyChart Latency(FarmComparisonResult result, TimeSpan? reference = null, string? referenceName = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Contenders.Count == 0)
        {
            throw new ArgumentException("The comparison has no contenders to chart.", nameof(result));
        }

        string[] names = result.Contenders.Select(c => c.Name).ToArray();
        var traces = new List<Trace>
        {
            new Bar { name = "mean", x = names, y = result.Contenders.Select(c => c.Mean.TotalMilliseconds).ToArray() },
            new Bar { name = "p99", x = names, y = result.Contenders.Select(c => c.P99.TotalMilliseconds).ToArray() },
        };
        if (reference is { } line)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(line, TimeSpan.Zero, nameof(reference));
            traces.Add(new Scatter
            {
                name = referenceName ?? string.Create(CultureInfo.InvariantCulture, $"reference ({line.TotalMilliseconds:0.###} ms)"),
                x = names,
                y = names.Select(_ => line.TotalMilliseconds).ToArray(),
                mode = "lines",
                line = new Line { dash = "dash", color = Plot.ReferenceColor, width = 2 },
            });
        }

        return Plot.Custom(traces, $"Latency seen by the clients ({result.Farm})", "proxy and policy", "latency (ms)");
    }
}
