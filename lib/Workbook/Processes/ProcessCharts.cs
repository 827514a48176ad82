using System.Globalization;
using Workbook.Charts;
using XPlot.Plotly;

namespace Workbook.Processes;

/// <summary>The chapter's two measurement charts: start-up costs on a log scale, and throughput of processes vs threads.</summary>
/// <remarks>Stateless builders in the house style of <see cref="Plot"/>; thread-safe; each call returns a new chart.</remarks>
public static class ProcessCharts
{
    // A log axis cannot show 0; anything faster than 0.1 µs is drawn at this floor.
    private const double Floor = 1e-4;

    /// <summary>
    /// Three bars, on a logarithmic y axis because they differ by orders of magnitude: starting a
    /// worker process (until its first reply), starting a thread, and queueing a thread-pool item.
    /// Each bar is labelled with its value.
    /// </summary>
    /// <param name="report">The medians from <see cref="StartupCosts.MeasureAsync"/>.</param>
    /// <param name="title">The chart title.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static PlotlyChart StartupCosts(StartupCostReport report, string title = "What it costs to get code running")
    {
        ArgumentNullException.ThrowIfNull(report);
        (string Name, double Milliseconds)[] bars =
        [
            ("new worker process<br>(until its first reply)", report.ProcessMilliseconds),
            ("new thread", report.ThreadMilliseconds),
            ("thread-pool work item", report.ThreadPoolItemMilliseconds),
        ];
        var trace = new LabelledBar
        {
            x = bars.Select(b => b.Name).ToArray(),
            y = bars.Select(b => Math.Max(b.Milliseconds, Floor)).ToArray(),
            text = bars.Select(b => FormatMilliseconds(b.Milliseconds)).ToArray(),
            textposition = "outside",
        };
        var layout = Plot.NewLayout(title, "", $"median start-up time (ms, log scale; median of {report.Repetitions})");
        layout.showlegend = false;
        layout.yaxis.type = "log";
        return Plot.Finish([trace], layout);
    }

    /// <summary>
    /// Throughput (items per second) against the number of workers, one line for worker processes
    /// and one for threads in this process, with a dashed ideal: the one-process throughput times
    /// the number of workers, up to the number of cores (past that there is no core left to add).
    /// </summary>
    /// <param name="points">Points from <see cref="ProcessScaling.CompareAsync"/>; must include a 1-process point.</param>
    /// <param name="cores">The core count that caps the ideal; <see cref="Environment.ProcessorCount"/> by default.</param>
    /// <param name="title">The chart title.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">There is no point for one worker process.</exception>
    public static PlotlyChart Scaling(
        IEnumerable<ScalingPoint> points, int? cores = null, string title = "CPU-bound throughput: worker processes vs threads")
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(title);
        int coreCount = cores ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(coreCount, nameof(cores));
        ScalingPoint[] list = [.. points.OrderBy(p => p.Workers)];
        ScalingPoint one = list.FirstOrDefault(p => p is { Mode: ScalingMode.Processes, Workers: 1 })
            ?? throw new ArgumentException("The points need a measurement with one worker process: the ideal line starts there.", nameof(points));
        int most = list.Max(p => p.Workers);
        var traces = new List<Trace>
        {
            Line(list, ScalingMode.Processes, "worker processes"),
            Line(list, ScalingMode.Threads, "threads in this process"),
            new Scatter
            {
                name = $"ideal: ×workers up to {coreCount} cores",
                x = Enumerable.Range(1, most).ToArray(),
                y = Enumerable.Range(1, most).Select(n => one.ItemsPerSecond * Math.Min(n, coreCount)).ToArray(),
                mode = "lines",
                line = new Line { dash = "dash", color = Plot.ReferenceColor, width = 2 },
            },
        };
        var layout = Plot.NewLayout(title, "workers (processes or threads)", "work items per second");

        // Worker counts are whole numbers: one tick per count, never 1.5.
        layout.xaxis.dtick = 1;
        layout.yaxis.rangemode = "tozero";
        return Plot.Finish(traces, layout);
    }

    private static Scatter Line(IEnumerable<ScalingPoint> points, ScalingMode mode, string name)
    {
        ScalingPoint[] mine = [.. points.Where(p => p.Mode == mode)];
        return new Scatter
        {
            name = name,
            x = mine.Select(p => p.Workers).ToArray(),
            y = mine.Select(p => p.ItemsPerSecond).ToArray(),
            mode = "lines+markers",
        };
    }

    private static string FormatMilliseconds(double milliseconds) => milliseconds switch
    {
        >= 10 => milliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms",
        >= 0.1 => milliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        _ => (milliseconds * 1000).ToString("0.0", CultureInfo.InvariantCulture) + " µs",
    };
}
