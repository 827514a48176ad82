using System.Globalization;
using Workbook.Charts;
using XPlot.Plotly;

namespace Workbook.Tuning;

/// <summary>Draws measured speedups as solid lines and Amdahl's predictions as dashed lines of the same colour.</summary>
public static class AmdahlChart
{
    /// <summary>The chart of <paramref name="points"/>, one colour per serial fraction.</summary>
    /// <param name="points">Points from <see cref="Amdahl.Measure"/>.</param>
    /// <param name="title">The chart title.</param>
    /// <returns>The chart.</returns>
    public static PlotlyChart Of(IEnumerable<AmdahlPoint> points, string title = "Amdahl's law: measured (solid) vs predicted (dashed)")
    {
        ArgumentNullException.ThrowIfNull(points);
        var traces = new List<Trace>();
        int colour = 0;
        foreach (IGrouping<double, AmdahlPoint> group in points.GroupBy(p => p.SerialFraction))
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"serial {group.Key * 100:0}%");
            string color = Plot.Palette[colour++ % Plot.Palette.Count];
            var sorted = group.OrderBy(p => p.Threads).ToList();
            traces.Add(new Scatter
            {
                name = $"{name}: measured",
                x = sorted.Select(p => (double)p.Threads).ToArray(),
                y = sorted.Select(p => p.Speedup).ToArray(),
                mode = "lines+markers",
                line = new Line { color = color, width = 3 },
            });
            traces.Add(new Scatter
            {
                name = $"{name}: predicted",
                x = sorted.Select(p => (double)p.Threads).ToArray(),
                y = sorted.Select(p => p.Predicted).ToArray(),
                mode = "lines",
                line = new Line { color = color, dash = "dash", width = 2 },
            });
        }

        return Plot.Custom(traces, title, "threads", "speedup (× one thread)");
    }
}
