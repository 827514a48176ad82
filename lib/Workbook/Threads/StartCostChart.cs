using System.Globalization;
using Workbook.Charts;
using XPlot.Plotly;

namespace Workbook.Threads;

/// <summary>
/// The bar chart of <see cref="StartCostDemo"/> results: the cost per item of each way to start
/// work, on a logarithmic axis, because a new thread costs tens of times more than a pool item
/// and on a linear axis the cheap bars would vanish.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class StartCostChart
{
    /// <summary>One bar per mechanism: microseconds per item, labelled with its value.</summary>
    /// <param name="costs">The measurements, e.g. from <see cref="StartCostDemo.MeasureAll"/>.</param>
    /// <param name="title">The chart title.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException"><paramref name="costs"/> is empty.</exception>
    public static PlotlyChart Of(IEnumerable<StartCost> costs, string title = "Cost of starting one tiny work item")
    {
        ArgumentNullException.ThrowIfNull(costs);
        var list = costs.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("There are no measurements to chart.", nameof(costs));
        }

        double[] micros = [.. list.Select(c => c.PerItemMicroseconds)];
        var trace = new Bar
        {
            x = list.Select(c => c.Mechanism.ToString()).ToArray(),
            y = micros,
            text = micros.Select(v => v.ToString(v < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " µs").ToArray(),
        };
        var layout = Plot.NewLayout(title, "how each item is started", "time per item (µs, log scale)");
        layout.showlegend = false;
        layout.yaxis.type = "log";
        return Plot.Finish([trace], layout);
    }
}
