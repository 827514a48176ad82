using Workbook.Charts;
using XPlot.Plotly;

namespace Workbook.Benchmarking;

/// <summary>Charts of recorded benchmark results, for the tuning chapter: measured ratios against their targets.</summary>
/// <remarks>Pure: each call builds a new chart from the results; thread-safe.</remarks>
public static class BenchChart
{
    /// <summary>
    /// One bar per judged measurement showing how far it got towards its target, as a score where
    /// 1 is exactly on target (the dashed line) and more is better: measured ÷ target for "at least"
    /// targets, target ÷ measured for "at most" ones. Puts ratios of very different sizes on one scale.
    /// </summary>
    /// <param name="results">The results, e.g. from <see cref="BenchResults.Load"/>.</param>
    /// <param name="title">The chart title.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">No measurement in the results was judged against a target.</exception>
    public static PlotlyChart Score(BenchResults results, string title = "Benchmark: how far each ratio got towards its target (1 = on target)")
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(title);
        var judged = Judged(results);
        string[] labels = [.. judged.Select(Label)];
        var bars = new Bar
        {
            name = "measured ÷ target (higher is better)",
            x = labels,
            y = judged.Select(m => m.Target!.Score(m.Ratio!.Value)).ToArray(),
            text = judged.Select(m => $"{BenchFormat.Ratio(m.Ratio!.Value)} vs target {m.Target}").ToArray(),
        };
        var onTarget = new Scatter
        {
            name = "on target",
            x = labels,
            y = labels.Select(_ => 1.0).ToArray(),
            mode = "lines",
            line = new Line { dash = "dash", color = Plot.ReferenceColor, width = 2 },
        };
        return Plot.Custom([bars, onTarget], title, "measurement", "score (×)");
    }

    /// <summary>Grouped bars: each judged measurement's ratio next to its target value, in the ratio's own units.</summary>
    /// <param name="results">The results.</param>
    /// <param name="title">The chart title.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">No measurement in the results was judged against a target.</exception>
    public static PlotlyChart TargetVsMeasured(BenchResults results, string title = "Benchmark: measured ratio and target")
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(title);
        var judged = Judged(results);
        var rows = judged.SelectMany(m => new[] { ("measured", Label(m), m.Ratio!.Value), ("target", Label(m), m.Target!.Value) });
        return Plot.GroupedBar(rows, title, "measurement", "ratio (×)");
    }

    private static List<BenchMeasurement> Judged(BenchResults results)
    {
        var judged = results.Measurements.Where(m => m.Met is not null && m.Ratio is not null && m.Target is not null).ToList();
        if (judged.Count == 0)
        {
            throw new ArgumentException("These results hold no measurement judged against a target, so there is nothing to chart.", nameof(results));
        }

        return judged;
    }

    private static string Label(BenchMeasurement m) => $"{m.Id} {m.Name}";
}
