using XPlot.Plotly;

namespace Workbook.Charts;

/// <summary>
/// XPlot's layout plus the plotly.js attributes it does not expose; Newtonsoft serialises the
/// runtime type, so these extra properties reach the chart's JSON.
/// </summary>
internal sealed class HouseLayout : Layout.Layout
{
    // Lower-case names on purpose: they are plotly.js attribute names.
#pragma warning disable IDE1006
    /// <summary>The colours plotly.js gives traces in turn.</summary>
    public string[]? colorway { get; set; }
#pragma warning restore IDE1006
}
