using XPlot.Plotly;

namespace Workbook.Charts;

/// <summary>
/// Ready-made XPlot.Plotly charts in the workbook's house style (800 × 420, one colour-blind-safe
/// palette, titled axes with units). Return the chart as a cell's last expression, or pass it to
/// <c>display(...)</c>, once <see cref="ChartFormatter.Register"/> has run.
/// </summary>
/// <remarks>The builders keep no state and may be called from any thread; each call returns a new chart.</remarks>
public static partial class Plot
{
    /// <summary>Default chart width in pixels.</summary>
    public const int DefaultWidth = 800;

    /// <summary>Default chart height in pixels.</summary>
    public const int DefaultHeight = 420;

    /// <summary>Colour of the dashed "ideal" reference line.</summary>
    public const string ReferenceColor = "#7f7f7f";

    private static readonly string[] PaletteColors =
    [
        // Okabe–Ito: distinguishable with the common forms of colour blindness.
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442",
    ];

    /// <summary>The colours traces get in turn (Okabe–Ito, colour-blind safe).</summary>
    public static IReadOnlyList<string> Palette => PaletteColors;

    /// <summary>
    /// A line chart of one or more series, with an optional dashed reference series (e.g. the ideal
    /// linear speed-up) and optional logarithmic axes.
    /// </summary>
    /// <param name="series">The series to draw, each with its own colour and legend entry.</param>
    /// <param name="title">The chart title.</param>
    /// <param name="xTitle">The x-axis title, with its unit, e.g. "threads".</param>
    /// <param name="yTitle">The y-axis title, with its unit, e.g. "speed-up (×)".</param>
    /// <param name="ideal">A reference series drawn as a grey dashed line, or null.</param>
    /// <param name="logX">Use a logarithmic x axis.</param>
    /// <param name="logY">Use a logarithmic y axis.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException"><paramref name="series"/> is empty.</exception>
    public static PlotlyChart Line(
        IEnumerable<Series> series,
        string title,
        string xTitle,
        string yTitle,
        Series? ideal = null,
        bool logX = false,
        bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        ThrowIfNullTitles(title, xTitle, yTitle);
        var list = series.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A line chart needs at least one series.", nameof(series));
        }
        var traces = new List<Trace>();
        traces.AddRange(list.Select(s => new Scatter
        {
            name = s.Name,
            x = s.X.ToArray(),
            y = s.Y.ToArray(),
            mode = "lines+markers",
        }));
        if (ideal is not null)
        {
            traces.Add(new Scatter
            {
                name = ideal.Name,
                x = ideal.X.ToArray(),
                y = ideal.Y.ToArray(),
                mode = "lines",
                line = new Line { dash = "dash", color = ReferenceColor, width = 2 },
            });
        }
        HouseLayout layout = NewLayout(title, xTitle, yTitle);
        if (logX)
        {
            layout.xaxis.type = "log";
        }
        else if (HasFewWholeNumbers(list.SelectMany(s => s.X)))
        {
            // Counts of threads or workers: without this plotly labels 1.5 and 2.5 workers.
            layout.xaxis.dtick = 1;
        }
        if (logY)
        {
            layout.yaxis.type = "log";
        }
        return Finish(traces, layout);
    }

    /// <summary>A line chart of a single series; see <see cref="Line(IEnumerable{Series}, string, string, string, Series?, bool, bool)"/>.</summary>
    /// <param name="series">The series to draw.</param>
    /// <param name="title">The chart title.</param>
    /// <param name="xTitle">The x-axis title, with its unit.</param>
    /// <param name="yTitle">The y-axis title, with its unit.</param>
    /// <param name="ideal">A reference series drawn as a grey dashed line, or null.</param>
    /// <param name="logX">Use a logarithmic x axis.</param>
    /// <param name="logY">Use a logarithmic y axis.</param>
    /// <returns>The chart.</returns>
    public static PlotlyChart Line(
        Series series,
        string title,
        string xTitle,
        string yTitle,
        Series? ideal = null,
        bool logX = false,
        bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        ThrowIfNullTitles(title, xTitle, yTitle);
        return Line([series], title, xTitle, yTitle, ideal, logX, logY);
    }

    /// <summary>True when every x value is a whole number and they span at most 20 steps.</summary>
    internal static bool HasFewWholeNumbers(IEnumerable<double> xs)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double x in xs)
        {
            if (!double.IsFinite(x) || x != Math.Floor(x))
            {
                return false;
            }
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }
        return min <= max && max - min <= 20;
    }

    /// <summary>
    /// Any XPlot traces in the house style: the escape hatch for charts the other builders do not
    /// cover. Traces without an explicit colour take the <see cref="Palette"/> in turn.
    /// </summary>
    /// <param name="traces">XPlot traces, e.g. <c>new Scatter { x = ..., y = ... }</c>.</param>
    /// <param name="title">The chart title.</param>
    /// <param name="xTitle">The x-axis title, with its unit.</param>
    /// <param name="yTitle">The y-axis title, with its unit.</param>
    /// <returns>The chart.</returns>
    public static PlotlyChart Custom(IEnumerable<Trace> traces, string title, string xTitle, string yTitle)
    {
        ArgumentNullException.ThrowIfNull(traces);
        return Finish(traces.ToList(), NewLayout(title, xTitle, yTitle));
    }

    /// <summary>Rejects a null chart or axis title before any data is read (an empty title is fine).</summary>
    internal static void ThrowIfNullTitles(
        string title,
        string xTitle,
        string yTitle,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(title))] string titleName = "title",
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(xTitle))] string xTitleName = "xTitle",
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(yTitle))] string yTitleName = "yTitle")
    {
        ArgumentNullException.ThrowIfNull(title, titleName);
        ArgumentNullException.ThrowIfNull(xTitle, xTitleName);
        ArgumentNullException.ThrowIfNull(yTitle, yTitleName);
    }

    /// <summary>The house layout: title, axis titles, size, font, margins and palette.</summary>
    internal static HouseLayout NewLayout(string title, string xTitle, string yTitle)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(xTitle);
        ArgumentNullException.ThrowIfNull(yTitle);
        return new HouseLayout
        {
            title = title,
            width = DefaultWidth,
            height = DefaultHeight,
            font = new Font { family = "Segoe UI, Helvetica, Arial, sans-serif", size = 13 },
            margin = new Margin { l = 70, r = 30, t = 60, b = 60 },
            hovermode = "closest",
            colorway = PaletteColors,
            xaxis = new Xaxis { title = xTitle, zeroline = false },
            yaxis = new Yaxis { title = yTitle, zeroline = false },
        };
    }

    /// <summary>Builds the chart and sizes its container like its layout.</summary>
    internal static PlotlyChart Finish(IReadOnlyList<Trace> traces, HouseLayout layout)
    {
        PlotlyChart chart = Chart.Plot(traces, layout);
        chart.WithSize((int)layout.width, (int)layout.height);
        return chart;
    }
}
