using XPlot.Plotly;

namespace Workbook.Charts;

/// <summary>
/// A horizontal bar trace with the plotly.js attributes XPlot 4.1.0's <see cref="Bar"/> lacks:
/// <c>base</c> (where each bar starts) and <c>hovertext</c>. Newtonsoft serialises the runtime type,
/// so they reach the JSON.
/// </summary>
internal sealed class TimelineBar : Bar
{
#pragma warning disable IDE1006
    /// <summary>Where each bar starts on the x axis.</summary>
    public double[]? @base { get; set; }

    /// <summary>Hover text for each bar.</summary>
    public string[]? hovertext { get; set; }
#pragma warning restore IDE1006
}
