using Workbook.Measurement;
using XPlot.Plotly;

namespace Workbook.Charts;

public static partial class Plot
{
    /// <summary>
    /// A timeline (Gantt chart): one row per lane, one horizontal bar per span from its start to its
    /// end. Hovering a bar shows its label, times and duration. Lanes are sorted by name with
    /// numbers in numeric order ("worker 2" above "worker 10").
    /// </summary>
    /// <param name="spans">The spans, e.g. <see cref="ActivityRecorder.Spans"/>.</param>
    /// <param name="title">The chart title.</param>
    /// <param name="xTitle">The x-axis title.</param>
    /// <returns>The chart, one trace per lane.</returns>
    public static PlotlyChart Timeline(
        IEnumerable<ActivitySpan> spans,
        string title = "Timeline: who ran what, when",
        string xTitle = "time since start (ms)")
    {
        ArgumentNullException.ThrowIfNull(spans);
        ThrowIfNullTitles(title, xTitle, string.Empty);
        var lanes = spans.GroupBy(s => s.Lane).OrderBy(g => g.Key, NaturalOrder.Instance).ToList();
        var traces = lanes.Select(lane => (Trace)new TimelineBar
        {
            name = lane.Key,
            orientation = "h",
            y = lane.Select(_ => lane.Key).ToArray(),
            x = lane.Select(s => s.Duration.TotalMilliseconds).ToArray(),
            @base = lane.Select(s => s.Start.TotalMilliseconds).ToArray(),
            hovertext = lane.Select(s =>
                $"{s.Label}<br>{Durations.Format(s.Start)} → {Durations.Format(s.End)} ({Durations.Format(s.Duration)})").ToArray(),
            hoverinfo = "text",
            // A thin white outline keeps back-to-back spans in one lane visibly separate.
            marker = new Marker { line = new Line { color = "white", width = 1 } },
        }).ToList();
        HouseLayout layout = NewLayout(title, xTitle, "");
        layout.barmode = "overlay";
        layout.showlegend = false;
        // Lanes read top to bottom in the order above; many lanes get a taller chart.
        layout.yaxis.type = "category";
        layout.yaxis.autorange = "reversed";
        // Time starts when the recorder was created, so the axis does too.
        layout.xaxis.rangemode = "tozero";
        layout.height = Math.Max(DefaultHeight, 120 + 30 * lanes.Count);
        layout.margin.l = 110;
        return Finish(traces, layout);
    }

    /// <summary>A timeline of everything an <see cref="ActivityRecorder"/> has recorded so far.</summary>
    /// <param name="recorder">The recorder.</param>
    /// <param name="title">The chart title.</param>
    /// <param name="xTitle">The x-axis title.</param>
    /// <returns>The chart, one trace per lane.</returns>
    public static PlotlyChart Timeline(
        ActivityRecorder recorder,
        string title = "Timeline: who ran what, when",
        string xTitle = "time since start (ms)")
    {
        ArgumentNullException.ThrowIfNull(recorder);
        ThrowIfNullTitles(title, xTitle, string.Empty);
        return Timeline(recorder.Spans, title, xTitle);
    }

    /// <summary>Operations per second over time, from a <see cref="ThroughputMeter"/> snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="title">The chart title.</param>
    /// <returns>The chart.</returns>
    public static PlotlyChart Throughput(ThroughputSnapshot snapshot, string title = "Throughput over time")
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(title);
        return Throughput([("throughput", snapshot)], title);
    }

    /// <summary>
    /// Operations per second over time for several runs, e.g. one per load balancer. Each point is
    /// one slice, placed at its middle; a final slice shorter than half the width is left out
    /// because its rate is too noisy.
    /// </summary>
    /// <param name="runs">(name, snapshot) pairs.</param>
    /// <param name="title">The chart title.</param>
    /// <returns>The chart, one trace per run.</returns>
    public static PlotlyChart Throughput(
        IEnumerable<(string Name, ThroughputSnapshot Snapshot)> runs,
        string title = "Throughput over time")
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(title);
        var runList = runs.ToList();
        var traces = runList.Select(run =>
        {
            var buckets = run.Snapshot.Buckets
                .Where(b => b.IsComplete || b.Width * 2 >= run.Snapshot.BucketWidth)
                .ToList();
            return (Trace)new Scatter
            {
                name = run.Name,
                x = buckets.Select(b => (b.Start + b.Width / 2).TotalSeconds).ToArray(),
                y = buckets.Select(b => b.PerSecond).ToArray(),
                mode = "lines+markers",
            };
        }).ToList();
        HouseLayout layout = NewLayout(title, "time since start (s)", "operations per second");
        layout.showlegend = runList.Count > 1;
        return Finish(traces, layout);
    }
}
