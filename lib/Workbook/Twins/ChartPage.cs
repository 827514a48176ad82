using System.Net;
using System.Text;
using System.Text.Json;
using Workbook.Charts;
using XPlot.Plotly;

namespace Workbook.Twins;

/// <summary>
/// Writes a chart as a small HTML page that a browser opens from disk: the chart's own
/// <see cref="ChartHtml.Render"/> fragment, with plotly.js loaded from a file beside it when one is
/// given (so it draws offline) and from the CDN otherwise.
/// </summary>
/// <remarks>Stateless; safe from any thread as long as two callers do not write the same path.</remarks>
public static class ChartPage
{
    /// <summary>The title of a chart as its layout states it, or an empty string when it has none.</summary>
    /// <param name="chart">The chart.</param>
    /// <returns>The title text.</returns>
    public static string TitleOf(PlotlyChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var (_, layout) = PlottingScript.Extract(chart.GetPlottingJS());
        using JsonDocument document = JsonDocument.Parse(layout);
        if (!document.RootElement.TryGetProperty("title", out JsonElement title))
        {
            return "";
        }

        // XPlot writes the title as a string; plotly.js also accepts { "text": ... }.
        return title.ValueKind switch
        {
            JsonValueKind.String => title.GetString() ?? "",
            JsonValueKind.Object when title.TryGetProperty("text", out JsonElement text) => text.GetString() ?? "",
            _ => "",
        };
    }

    /// <summary>The complete HTML page for <paramref name="chart"/>.</summary>
    /// <param name="chart">The chart to draw.</param>
    /// <param name="heading">The page heading (e.g. "01 · Threads, chart 3").</param>
    /// <param name="plotlyScript">The plotly.js file relative to the page (e.g. <c>../plotly-2.28.0.min.js</c>), or null to use the CDN.</param>
    /// <returns>The page.</returns>
    public static string Html(PlotlyChart chart, string heading, string? plotlyScript)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(heading);
        string title = TitleOf(chart);
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.Append("<title>").Append(WebUtility.HtmlEncode(title.Length > 0 ? $"{title} · {heading}" : heading)).Append("</title>\n");
        if (plotlyScript is not null)
        {
            // Loaded before the chart's script, which then draws at once instead of fetching the CDN copy.
            page.Append("<script src=\"").Append(WebUtility.HtmlEncode(plotlyScript)).Append("\"></script>\n");
        }

        page.Append("<style>body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; } p { color: #666; }</style>\n");
        page.Append("</head>\n<body>\n");
        page.Append("<h1>").Append(WebUtility.HtmlEncode(heading)).Append("</h1>\n");
        page.Append(ChartHtml.Render(chart)).Append('\n');
        page.Append("</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>Writes the page for <paramref name="chart"/> to <paramref name="path"/>, creating its folder.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="path">The .html file to write.</param>
    /// <param name="heading">The page heading.</param>
    /// <param name="plotlyScriptPath">The plotly.js file to load (any path; it is referenced relative to the page), or null for the CDN.</param>
    public static void Write(PlotlyChart chart, string path, string heading, string? plotlyScriptPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        string? relative = plotlyScriptPath is null
            ? null
            : Path.GetRelativePath(folder, Path.GetFullPath(plotlyScriptPath)).Replace('\\', '/');
        File.WriteAllText(path, Html(chart, heading, relative), new UTF8Encoding(false));
    }
}
