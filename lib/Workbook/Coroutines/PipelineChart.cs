using Workbook.Charts;
using XPlot.Plotly;

namespace Workbook.Coroutines;

/// <summary>Charts of <see cref="PullProbe"/> counts: how many items each pipeline stage handled.</summary>
/// <remarks>Stateless; may be called from any thread (read the probes after their pipelines have finished).</remarks>
public static class PipelineChart
{
    /// <summary>
    /// Grouped bars on a logarithmic axis: for every stage, the items that passed it in each run,
    /// e.g. a lazy pipeline next to an eager one. An optional dashed line marks the size of the source.
    /// </summary>
    /// <param name="runs">(run name, probe) pairs; stages are shown in the first probe's order.</param>
    /// <param name="sourceSize">The number of items in the source, drawn as a reference line; null for none.</param>
    /// <param name="title">The chart title.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">No runs were given.</exception>
    public static PlotlyChart ItemsPerStage(
        IEnumerable<(string Run, PullProbe Probe)> runs,
        long? sourceSize = null,
        string title = "Items that passed each stage")
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(title);
        var list = runs.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Give at least one (name, probe) run to draw.", nameof(runs));
        }

        string[] stages = list[0].Probe.Stages.Select(s => s.Stage).ToArray();
        var traces = new List<Trace>();
        foreach (var (run, probe) in list)
        {
            var counts = probe.Stages.ToDictionary(s => s.Stage, s => s.Items);
            traces.Add(new Bar
            {
                name = run,
                x = stages,
                y = stages.Select(s => counts.TryGetValue(s, out long n) ? (object)Math.Max(n, 1) : null).ToArray(),
                text = stages.Select(s => counts.TryGetValue(s, out long n) ? n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "").ToArray(),
            });
        }

        if (sourceSize is { } size)
        {
            traces.Add(new Scatter
            {
                name = $"the whole source ({size:N0})",
                x = stages,
                y = stages.Select(_ => (double)size).ToArray(),
                mode = "lines",
                line = new Line { dash = "dash", color = Plot.ReferenceColor, width = 2 },
            });
        }

        HouseLayout layout = Plot.NewLayout(title, "pipeline stage", "items that passed (log scale)");
        layout.barmode = "group";
        layout.yaxis.type = "log";
        return Plot.Finish(traces, layout);
    }
}
