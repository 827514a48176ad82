using System.Numerics;
using XPlot.Plotly;

namespace Workbook.Charts;

public static partial class Plot
{
    /// <summary>A bar chart: one bar per category, e.g. requests handled per server.</summary>
    /// <typeparam name="TValue">The numeric type of the values (int, long, double…).</typeparam>
    /// <param name="bars">(category, value) pairs, drawn left to right in this order.</param>
    /// <param name="title">The chart title.</param>
    /// <param name="xTitle">The x-axis (category) title.</param>
    /// <param name="yTitle">The y-axis title, with its unit.</param>
    /// <returns>The chart.</returns>
    public static PlotlyChart Bar<TValue>(
        IEnumerable<(string Category, TValue Value)> bars,
        string title,
        string xTitle,
        string yTitle)
        where TValue : INumberBase<TValue>
    {
        ArgumentNullException.ThrowIfNull(bars);
        var list = bars.ToList();
        var trace = new Bar
        {
            x = list.Select(b => b.Category).ToArray(),
            y = list.Select(b => double.CreateChecked(b.Value)).ToArray(),
        };
        HouseLayout layout = NewLayout(title, xTitle, yTitle);
        layout.showlegend = false;
        return Finish([trace], layout);
    }

    /// <summary>
    /// Grouped bars: for each category, one bar per series side by side, e.g. requests per server
    /// (category) for each balancer (series). Rows may come in any order; a missing
    /// (series, category) pair leaves a gap.
    /// </summary>
    /// <typeparam name="TValue">The numeric type of the values.</typeparam>
    /// <param name="rows">(series, category, value) rows; series and categories keep their first-seen order.</param>
    /// <param name="title">The chart title.</param>
    /// <param name="xTitle">The x-axis (category) title.</param>
    /// <param name="yTitle">The y-axis title, with its unit.</param>
    /// <returns>The chart, one trace per series.</returns>
    /// <exception cref="ArgumentException">A (series, category) pair appears twice.</exception>
    public static PlotlyChart GroupedBar<TValue>(
        IEnumerable<(string Series, string Category, TValue Value)> rows,
        string title,
        string xTitle,
        string yTitle)
        where TValue : INumberBase<TValue>
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        var categories = list.Select(r => r.Category).Distinct().ToArray();
        var values = new Dictionary<(string, string), double>();
        foreach (var row in list)
        {
            if (!values.TryAdd((row.Series, row.Category), double.CreateChecked(row.Value)))
            {
                throw new ArgumentException($"Series '{row.Series}' has two values for category '{row.Category}'.", nameof(rows));
            }
        }
        var traces = list.Select(r => r.Series).Distinct().Select(series => (Trace)new Bar
        {
            name = series,
            x = categories,
            // A missing pair becomes null, which plotly.js draws as no bar.
            y = categories.Select(c => values.TryGetValue((series, c), out double v) ? (object?)v : null).ToArray(),
        }).ToList();
        HouseLayout layout = NewLayout(title, xTitle, yTitle);
        layout.barmode = "group";
        return Finish(traces, layout);
    }
}
