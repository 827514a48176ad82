using System.Globalization;
using Workbook.Measurement;
using XPlot.Plotly;

namespace Workbook.Charts;

public static partial class Plot
{
    private static readonly double[] Levels = [50, 75, 90, 95, 99, 99.9];

    /// <summary>The percentiles a <see cref="Percentiles(IEnumerable{double}, string, string)"/> chart shows: p50, p75, p90, p95, p99, p99.9.</summary>
    public static IReadOnlyList<double> PercentileLevels => Levels;

    /// <summary>A histogram of one sample, e.g. the latencies of 1,000 requests.</summary>
    /// <param name="sample">The values.</param>
    /// <param name="title">The chart title.</param>
    /// <param name="xTitle">The x-axis title, with its unit.</param>
    /// <param name="bins">The number of bins, or 0 to let plotly.js choose.</param>
    /// <returns>The chart.</returns>
    public static PlotlyChart Histogram(
        IEnumerable<double> sample,
        string title = "Distribution",
        string xTitle = "duration (ms)",
        int bins = 0)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ThrowIfNullTitles(title, xTitle, string.Empty);
        return Histogram([("sample", sample)], title, xTitle, bins);
    }

    /// <summary>Overlaid, semi-transparent histograms of several named samples, e.g. "sequential" and "parallel".</summary>
    /// <param name="samples">(name, values) pairs.</param>
    /// <param name="title">The chart title.</param>
    /// <param name="xTitle">The x-axis title, with its unit.</param>
    /// <param name="bins">The number of bins per sample, or 0 to let plotly.js choose.</param>
    /// <returns>The chart, one trace per sample.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is negative.</exception>
    public static PlotlyChart Histogram(
        IEnumerable<(string Name, IEnumerable<double> Sample)> samples,
        string title = "Distribution",
        string xTitle = "duration (ms)",
        int bins = 0)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ThrowIfNullTitles(title, xTitle, string.Empty);
        ArgumentOutOfRangeException.ThrowIfNegative(bins);
        var list = samples.ToList();
        var traces = list.Select(s =>
        {
            var trace = new Histogram { name = s.Name, x = s.Sample.ToArray(), opacity = list.Count > 1 ? 0.6 : 0.9 };
            if (bins > 0)
            {
                trace.nbinsx = bins;
            }
            return (Trace)trace;
        }).ToList();
        HouseLayout layout = NewLayout(title, xTitle, "count");
        layout.barmode = "overlay";
        layout.showlegend = list.Count > 1;
        return Finish(traces, layout);
    }

    /// <summary>The tail of one sample: its value at p50, p75, p90, p95, p99 and p99.9.</summary>
    /// <param name="sample">The values; at least one.</param>
    /// <param name="title">The chart title.</param>
    /// <param name="yTitle">The y-axis title, with its unit.</param>
    /// <returns>The chart.</returns>
    public static PlotlyChart Percentiles(
        IEnumerable<double> sample,
        string title = "Percentiles",
        string yTitle = "duration (ms)")
    {
        ArgumentNullException.ThrowIfNull(sample);
        ThrowIfNullTitles(title, string.Empty, yTitle);
        return Percentiles([("sample", sample)], title, yTitle);
    }

    /// <summary>The tails of several named samples side by side: one line each over p50 … p99.9.</summary>
    /// <param name="samples">(name, values) pairs; each sample needs at least one value.</param>
    /// <param name="title">The chart title.</param>
    /// <param name="yTitle">The y-axis title, with its unit.</param>
    /// <returns>The chart, one trace per sample.</returns>
    public static PlotlyChart Percentiles(
        IEnumerable<(string Name, IEnumerable<double> Sample)> samples,
        string title = "Percentiles",
        string yTitle = "duration (ms)")
    {
        ArgumentNullException.ThrowIfNull(samples);
        ThrowIfNullTitles(title, string.Empty, yTitle);
        string[] labels = Levels.Select(p => "p" + p.ToString(CultureInfo.InvariantCulture)).ToArray();
        var traces = samples.Select(s =>
        {
            Stats stats = Stats.Of(s.Sample);
            return (Trace)new Scatter
            {
                name = s.Name,
                x = labels,
                y = Levels.Select(stats.Percentile).ToArray(),
                mode = "lines+markers",
            };
        }).ToList();
        HouseLayout layout = NewLayout(title, "percentile", yTitle);
        layout.xaxis.type = "category";
        return Finish(traces, layout);
    }
}
