using XPlot.Plotly;

namespace Workbook.Processes;

/// <summary>
/// A bar trace with plotly.js's <c>textposition</c>, which XPlot 4.1.0's <see cref="Bar"/> lacks, so
/// each bar can carry its value above it. Newtonsoft serialises the runtime type, so it reaches the JSON.
/// </summary>
internal sealed class LabelledBar : Bar
{
#pragma warning disable IDE1006
    /// <summary>Where the bar's text goes: "outside" puts it just above the bar.</summary>
    public string? textposition { get; set; }
#pragma warning restore IDE1006
}
