using Workbook.Charts;
using XPlot.Plotly;

namespace Workbook.Coroutines;

/// <summary>
/// Draws a <see cref="ScheduleReport"/> as a timeline in virtual time: one row per task, coloured
/// by what the task was doing (running, waiting for its turn, sleeping, waiting for another task),
/// plus an "(idle)" row for ticks in which nothing ran.
/// </summary>
/// <remarks>Stateless; may be called from any thread.</remarks>
public static class ScheduleChart
{
    private const string IdleLane = "(idle)";

    private static readonly (TaskActivity Activity, string Label, string Color)[] s_styles =
    [
        (TaskActivity.Running, "running", Plot.Palette[0]),
        (TaskActivity.Ready, "ready, waiting for its turn", "#c7c7c7"),
        (TaskActivity.Sleeping, "sleeping", Plot.Palette[5]),
        (TaskActivity.Waiting, "waiting for another task", Plot.Palette[1]),
    ];

    /// <summary>The timeline of a run.</summary>
    /// <param name="report">The run.</param>
    /// <param name="title">The chart title.</param>
    /// <returns>The chart: a legend entry per activity, tasks top to bottom in spawn order.</returns>
    public static PlotlyChart Timeline(ScheduleReport report, string title = "Who ran when, in virtual time")
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(title);
        var lanes = report.Tasks.Select(t => t.Name).ToList();
        var traces = new List<Trace>();
        foreach (var (activity, label, color) in s_styles)
        {
            var periods = report.Periods.Where(p => p.Activity == activity).ToList();
            if (periods.Count > 0)
            {
                traces.Add(Bars(label, color, periods.Select(p => (p.Task, p.Start, p.End))));
            }
        }

        var idle = IdlePeriods(report).ToList();
        if (idle.Count > 0)
        {
            lanes.Add(IdleLane);
            traces.Add(Bars("nothing can run (clock jumps)", "#e8e8e8", idle.Select(p => (IdleLane, p.Start, p.End))));
        }

        HouseLayout layout = Plot.NewLayout(title, "virtual time (ticks)", "");
        layout.barmode = "overlay";
        layout.showlegend = true;

        // Rows in spawn order, first task on top, whatever order the traces mention them in.
        layout.yaxis = new CategoryAxis
        {
            title = "",
            type = "category",
            autorange = "reversed",
            categoryorder = "array",
            categoryarray = [.. lanes],
        };
        layout.xaxis.rangemode = "tozero";
        if (report.EndTick <= 40)
        {
            // Few ticks: a grid line per tick makes "one step = one tick" visible.
            layout.xaxis.dtick = 1;
        }

        layout.height = Math.Max(Plot.DefaultHeight, 140 + (40 * lanes.Count));
        layout.margin.l = 110;
        return Plot.Finish(traces, layout);
    }

    /// <summary>Stretches of the run in which no step ran.</summary>
    internal static IEnumerable<(long Start, long End)> IdlePeriods(ScheduleReport report)
    {
        long cursor = 0;
        foreach (ScheduleStep step in report.Steps)
        {
            if (step.Tick > cursor)
            {
                yield return (cursor, step.Tick);
            }

            cursor = step.Tick + 1;
        }

        if (report.EndTick > cursor)
        {
            yield return (cursor, report.EndTick);
        }
    }

    private static TimelineBar Bars(string name, string color, IEnumerable<(string Lane, long Start, long End)> bars)
    {
        var list = bars.ToList();
        return new TimelineBar
        {
            name = name,
            orientation = "h",
            y = list.Select(b => b.Lane).ToArray(),
            x = list.Select(b => (double)(b.End - b.Start)).ToArray(),
            @base = list.Select(b => (double)b.Start).ToArray(),
            hovertext = list.Select(b => $"{b.Lane}: {name}<br>tick {b.Start} → {b.End} ({b.End - b.Start} tick{(b.End - b.Start == 1 ? "" : "s")})").ToArray(),
            hoverinfo = "text",
            marker = new Marker { color = color, line = new Line { color = "white", width = 1 } },
        };
    }

    /// <summary>A y axis with the plotly.js category-order attributes XPlot 4.1.0 lacks.</summary>
    private sealed class CategoryAxis : Yaxis
    {
#pragma warning disable IDE1006
        /// <summary>"array": order the categories as <see cref="categoryarray"/> lists them.</summary>
        public string? categoryorder { get; set; }

        /// <summary>The categories, top to bottom (with a reversed axis).</summary>
        public string[]? categoryarray { get; set; }
#pragma warning restore IDE1006
    }
}
