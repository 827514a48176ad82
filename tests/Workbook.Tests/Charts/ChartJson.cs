using System.Text.Json;
using Workbook.Charts;
using XPlot.Plotly;

namespace Workbook.Tests.Charts;

/// <summary>Reads a chart's traces and layout back as JSON, the way plotly.js will receive them.</summary>
internal static class ChartJson
{
    public static (JsonElement Data, JsonElement Layout) Of(PlotlyChart chart)
    {
        var (data, layout) = PlottingScript.Extract(chart.GetPlottingJS());
        return (JsonDocument.Parse(data).RootElement, JsonDocument.Parse(layout).RootElement);
    }

    public static double[] Doubles(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>The array's strings; a JSON null becomes "(null)".</summary>
    public static string[] Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? "(null)" : e.GetString()!).ToArray();
}
