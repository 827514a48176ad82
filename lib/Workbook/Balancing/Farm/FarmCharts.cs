using System.Globalization;
using Workbook.Charts;
using XPlot.Plotly;

namespace Workbook.Balancing.Farm;

/// <summary>
/// Charts of a <see cref="FarmComparison"/>, one bar group per contender, with room under the axis for
/// names like "YARP PowerOfTwoChoices": <c>FarmCharts.PerBackend(result)</c>, <c>FarmCharts.Throughput(result)</c>,
/// <c>FarmCharts.Latency(result, reference: TimeSpan.FromMilliseconds(100))</c>.
/// </summary>
/// <remarks>Stateless; safe to call from any thread.</remarks>
public static class FarmCharts
{
    /// <summary>Responses per backend: one group per contender, one bar per backend.</summary>
    /// <param name="result">A comparison's result.</param>
    /// <returns>The chart, one trace per backend.</returns>
    /// <exception cref="ArgumentException">The result has no contenders.</exception>
    public static PlotlyChart PerBackend(FarmComparisonResult result)
    {
        string[] names = Names(result);
        var traces = result.Backends.Select((backend, i) => (Trace)new Bar
        {
            name = backend,
            x = names,
            y = result.Contenders.Select(c => (double)c.PerBackend[i]).ToArray(),
        });
        long requests = result.Contenders.Max(c => c.Requests);
        return Finish(traces, $"Responses per backend ({result.Farm})", string.Create(CultureInfo.InvariantCulture, $"responses (of {requests:N0})"));
    }

    /// <summary>Requests per second through each contender.</summary>
    /// <param name="result">A comparison's result.</param>
    /// <returns>The chart, one bar per contender.</returns>
    /// <exception cref="ArgumentException">The result has no contenders.</exception>
    public static PlotlyChart Throughput(FarmComparisonResult result)
    {
        string[] names = Names(result);
        var bar = new Bar { name = "throughput", x = names, y = result.Contenders.Select(c => c.Throughput).ToArray() };
        return Finish([bar], $"Throughput through each proxy ({result.Farm})", "requests per second", showLegend: false);
    }

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
        string[] names = Names(result);
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

        return Finish(traces, $"Latency seen by the clients ({result.Farm})", "latency (ms)");
    }

    private static string[] Names(FarmComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Contenders.Count == 0)
        {
            throw new ArgumentException("The comparison has no contenders to chart.", nameof(result));
        }

        return result.Contenders.Select(c => c.Name).ToArray();
    }

    private static PlotlyChart Finish(IEnumerable<Trace> traces, string title, string yTitle, bool showLegend = true)
    {
        HouseLayout layout = Plot.NewLayout(title, string.Empty, yTitle);

        // Contender names are long: slant them and give them the room the axis title would take.
        layout.xaxis.tickangle = -30;
        layout.margin.b = 130;
        layout.height += 60;
        layout.showlegend = showLegend;
        return Plot.Finish(traces.ToList(), layout);
    }
}
