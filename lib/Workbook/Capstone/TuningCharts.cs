using Workbook.Charts;
using XPlot.Plotly;

namespace Workbook.Capstone;

/// <summary>
/// The tuning pass's charts: one bar per configuration, naive first, so each step's effect is the
/// change from the bar on its left.
/// </summary>
/// <remarks>Pure functions of a finished <see cref="TuningReport"/>: thread-safe.</remarks>
public static class TuningCharts
{
    /// <summary>Answers per second in the capacity run, with the naive service's level as a dashed line.</summary>
    /// <param name="report">The tuning pass.</param>
    /// <returns>The chart.</returns>
    public static PlotlyChart Throughput(TuningReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string[] names = Names(report);
        var bars = new Bar { name = "answers/s", x = names, y = report.Steps.Select(s => s.Throughput).ToArray() };
        var naive = new Scatter
        {
            name = "naive level",
            x = names,
            y = names.Select(_ => report.First.Throughput).ToArray(),
            mode = "lines",
            line = new Line { dash = "dash", color = Plot.ReferenceColor, width = 2 },
        };
        return Plot.Finish([bars, naive], Plot.NewLayout(
            $"Capacity: {report.Options.Clients} users who never pause (final = {report.ThroughputRatio:0.0}x naive)", "configuration (each adds one change)", "answers per second"));
    }

    /// <summary>The 99th-percentile response time of each configuration, in the capacity run and in the spike, on a log scale.</summary>
    /// <param name="report">The tuning pass.</param>
    /// <returns>The chart, with the service's deadline as a dashed line.</returns>
    public static PlotlyChart P99(TuningReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string[] names = Names(report);
        var capacity = new Bar { name = "capacity run", x = names, y = report.Steps.Select(s => s.Capacity.P99.TotalMilliseconds).ToArray() };
        var spike = new Bar { name = $"spike ({report.SpikeRate:N0} requests/s)", x = names, y = report.Steps.Select(s => s.SpikeP99.TotalMilliseconds).ToArray() };
        var deadline = new Scatter
        {
            name = "deadline (504 after)",
            x = names,
            y = report.Steps.Select(s => s.Config.Deadline.TotalMilliseconds).ToArray(),
            mode = "lines",
            line = new Line { dash = "dash", color = Plot.ReferenceColor, width = 2 },
        };
        var layout = Plot.NewLayout("p99 response time of the answered requests (log scale: lower is better)", "configuration", "p99 (ms, log scale)");
        layout.barmode = "group";
        layout.yaxis.type = "log";
        // Five names under grouped bars do not fit side by side: plotly tilts them, so leave room below.
        layout.margin.b = 110;
        return Plot.Finish([capacity, spike, deadline], layout);
    }

    /// <summary>What became of the spike's requests in each configuration: answered, turned away at once (503), or failed/timed out.</summary>
    /// <param name="report">The tuning pass.</param>
    /// <returns>The chart, stacked bars in percent of the requests sent.</returns>
    public static PlotlyChart SpikeOutcomes(TuningReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string[] names = Names(report);
        double Share(TuningStep s, long count) => s.Spike.Requests > 0 ? 100.0 * count / s.Spike.Requests : 0;
        long Rejected(TuningStep s) => s.Spike.StatusCodes.TryGetValue(503, out long n) ? n : 0;
        Trace[] traces =
        [
            new Bar { name = "answered (200)", x = names, y = report.Steps.Select(s => Share(s, s.Spike.Successes)).ToArray() },
            new Bar { name = "turned away at once (503)", x = names, y = report.Steps.Select(s => Share(s, Rejected(s))).ToArray() },
            new Bar { name = "timed out or failed", x = names, y = report.Steps.Select(s => Share(s, s.Spike.Errors - Rejected(s))).ToArray() },
        ];
        var layout = Plot.NewLayout($"The spike: {report.SpikeRate:N0} requests/s for {report.Options.Spike.TotalSeconds:0.#} s", "configuration", "% of the spike's requests");
        layout.barmode = "stack";
        layout.margin.b = 110;
        return Plot.Finish(traces, layout);
    }

    private static string[] Names(TuningReport report) => [.. report.Steps.Select(s => s.Name)];
}
