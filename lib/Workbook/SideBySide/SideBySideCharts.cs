using Workbook.Charts;
using XPlot.Plotly;

namespace Workbook.SideBySide;

/// <summary>
/// Charts of side-by-side comparisons: CPython and C# bars next to each other for chosen figures,
/// with the ideal marked where there is one, and the C# ÷ CPython speed ratio of every technique.
/// </summary>
/// <remarks>Stateless; thread-safe. Every chart says in its title and axis what one bar is.</remarks>
public static class SideBySideCharts
{
    private const string PythonColor = "#E69F00";
    private const string CSharpColor = "#0072B2";

    /// <summary>
    /// Grouped bars, CPython and C#, one pair per figure; a grey tick marks each figure's ideal
    /// (e.g. a speedup equal to the worker count) when it has one.
    /// </summary>
    /// <param name="figures">(category label, figure) pairs, drawn left to right.</param>
    /// <param name="title">The chart title.</param>
    /// <param name="yTitle">The y-axis title, with its unit.</param>
    /// <param name="logY">Use a logarithmic y axis (for values that differ by orders of magnitude).</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException"><paramref name="figures"/> is empty.</exception>
    public static PlotlyChart Pairs(IEnumerable<(string Label, Figure Figure)> figures, string title, string yTitle, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(yTitle);
        var list = figures.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("There are no figures to chart.", nameof(figures));
        }

        string[] labels = [.. list.Select(f => f.Label)];
        var traces = new List<Trace>
        {
            Bars("CPython", PythonColor, labels, [.. list.Select(f => f.Figure.Python)], list[0].Figure.Unit),
            Bars("C#", CSharpColor, labels, [.. list.Select(f => f.Figure.CSharp)], list[0].Figure.Unit),
        };
        var withIdeal = list.Where(f => f.Figure.Ideal is not null).ToList();
        if (withIdeal.Count > 0)
        {
            // A wide horizontal tick per category rather than a line: the ideals can differ between categories.
            traces.Add(new Scatter
            {
                name = "ideal",
                x = withIdeal.Select(f => f.Label).ToArray(),
                y = withIdeal.Select(f => f.Figure.Ideal!.Value).ToArray(),
                mode = "markers",
                marker = new Marker { symbol = "line-ew-open", size = 60, color = Plot.ReferenceColor, line = new Line { width = 3, color = Plot.ReferenceColor } },
            });
        }

        var layout = Plot.NewLayout(title, "", yTitle);
        layout.barmode = "group";
        if (logY)
        {
            layout.yaxis.type = "log";
        }

        return Plot.Finish(traces, layout);
    }

    /// <summary>
    /// One bar per comparison: how many times faster C# did the same work, on its <see cref="Comparison.Speed"/>
    /// figure, on a logarithmic axis with a dashed line at 1× (equal speed). Bars below the line are
    /// where CPython was faster.
    /// </summary>
    /// <param name="comparisons">The comparisons, e.g. from <see cref="PythonVsCSharp.RunAllAsync"/>.</param>
    /// <param name="title">The chart title.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException"><paramref name="comparisons"/> is empty.</exception>
    public static PlotlyChart Speed(IEnumerable<Comparison> comparisons, string title = "The same work: how many times faster C# did it than CPython")
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        ArgumentNullException.ThrowIfNull(title);
        var list = comparisons.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("There are no comparisons to chart.", nameof(comparisons));
        }

        string[] labels = [.. list.Select(c => $"{c.Technique}<br>{c.Speed.Name}")];
        double[] advantage = [.. list.Select(c => c.Speed.CSharpAdvantage)];
        var traces = new List<Trace>
        {
            new Bar
            {
                name = "C# advantage",
                x = labels,
                y = advantage,
                text = advantage.Select(a => Figure.Format(a) + "×").ToArray(),
                marker = new Marker { color = advantage.Select(a => a >= 1 ? CSharpColor : PythonColor).ToArray() },
            },
            new Scatter
            {
                name = "same speed",
                x = labels,
                y = labels.Select(_ => 1.0).ToArray(),
                mode = "lines",
                line = new Line { dash = "dash", color = Plot.ReferenceColor, width = 2 },
            },
        };
        var layout = Plot.NewLayout(title, "", "C# advantage (× CPython, log scale)");
        layout.yaxis.type = "log";
        layout.showlegend = false;
        layout.height = 480;
        layout.margin = new Margin { l = 70, r = 30, t = 60, b = 110 };
        return Plot.Finish(traces, layout);
    }

    /// <summary>Every <see cref="FigureKind.Scaling"/> figure of <paramref name="comparisons"/> as CPython/C# pairs (see <see cref="Pairs"/>).</summary>
    /// <param name="comparisons">The comparisons.</param>
    /// <param name="title">The chart title.</param>
    /// <returns>The chart.</returns>
    public static PlotlyChart Scaling(IEnumerable<Comparison> comparisons, string title = "How well each technique works in each language (ratios within one language)")
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        ArgumentNullException.ThrowIfNull(title);
        return Pairs(
            comparisons.SelectMany(c => c.Figures.Where(f => f.Kind == FigureKind.Scaling).Select(f => ($"{c.Technique}<br>{f.Name}", f))),
            title,
            "ratio (×)");
    }

    private static Bar Bars(string name, string color, string[] labels, double[] values, string unit) => new()
    {
        name = name,
        x = labels,
        y = values,
        text = values.Select(v => Figure.Format(v) + (unit == "×" ? "×" : "")).ToArray(),
        marker = new Marker { color = color },
    };
}
