using System.Globalization;
using XPlot.Plotly;

namespace Workbook.Charts;

/// <summary>
/// Turns an XPlot chart into an HTML fragment that draws itself with plotly.js, in a VS Code
/// notebook (fetching plotly.js from the CDN once) and in the offline static site (using the copy
/// the page already loaded, never fetching).
/// </summary>
/// <remarks>Stateless and safe to call from any thread.</remarks>
public static class ChartHtml
{
    /// <summary>
    /// The plotly.js version the charts are drawn with. Pinned to 2.x: plotly.js 3 dropped the plain
    /// string titles XPlot writes.
    /// </summary>
    public const string PlotlyVersion = "2.28.0";

    /// <summary>Where plotly.js is fetched from when the page has no copy yet (a notebook output).</summary>
    public const string PlotlyCdnUrl = "https://cdn.plot.ly/plotly-" + PlotlyVersion + ".min.js";

    /// <summary>The CSS class of every chart's container div.</summary>
    public const string CssClass = "workbook-chart";

    /// <summary>The prefix of every chart container's id; a GUID follows.</summary>
    public const string IdPrefix = "wb-chart-";

    /// <summary>
    /// Renders the chart as a container <c>&lt;div&gt;</c> plus a <c>&lt;script&gt;</c> that calls
    /// <c>Plotly.newPlot</c>. If <c>window.Plotly</c> exists it draws at once; otherwise it loads
    /// <see cref="PlotlyCdnUrl"/> (one load shared by every chart on the page) and draws when it arrives.
    /// </summary>
    /// <param name="chart">The chart, e.g. from <see cref="Plot"/>.</param>
    /// <returns>The HTML fragment.</returns>
    /// <exception cref="InvalidOperationException">XPlot produced a script this version cannot read.</exception>
    public static string Render(PlotlyChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var (data, layout) = PlottingScript.Extract(chart.GetPlottingJS());
        string id = IdPrefix + Guid.NewGuid().ToString("N");
        string width = chart.Width.ToString(CultureInfo.InvariantCulture);
        string height = chart.Height.ToString(CultureInfo.InvariantCulture);
        return $$"""
            <div id="{{id}}" class="{{CssClass}}" style="width: {{width}}px; height: {{height}}px;"></div>
            <script type="text/javascript">
            (function () {
              var id = "{{id}}";
              var data = {{ForScript(data)}};
              var layout = {{ForScript(layout)}};
              var config = { responsive: true, displaylogo: false };
              function draw() {
                var element = document.getElementById(id);
                if (element) { window.Plotly.newPlot(element, data, layout, config); }
              }
              function fail() {
                var element = document.getElementById(id);
                if (element) { element.textContent = "plotly.js {{PlotlyVersion}} could not be loaded, so this chart cannot be drawn (offline?)."; }
              }
              // The static site preloads plotly.js in <head>: use that copy and never fetch.
              if (typeof window.Plotly !== "undefined") { draw(); return; }
              // No copy on the page (a notebook output): fetch plotly.js once; every chart waits for the same load.
              var shared = window.__workbookPlotly = window.__workbookPlotly || { loading: false, waiting: [] };
              shared.waiting.push({ draw: draw, fail: fail });
              if (shared.loading) { return; }
              shared.loading = true;
              // With RequireJS on the page plotly.js would register as an AMD module instead of setting
              // window.Plotly, so hide define.amd until it has loaded.
              var amd = (typeof window.define === "function" && window.define.amd) ? window.define.amd : null;
              if (amd) { window.define.amd = undefined; }
              function settle(ok) {
                if (amd) { window.define.amd = amd; }
                shared.loading = false;
                var waiting = shared.waiting.splice(0, shared.waiting.length);
                for (var i = 0; i < waiting.length; i++) { (ok ? waiting[i].draw : waiting[i].fail)(); }
              }
              var script = document.createElement("script");
              script.src = "{{PlotlyCdnUrl}}";
              script.onload = function () { settle(true); };
              script.onerror = function () { settle(false); };
              document.head.appendChild(script);
            })();
            </script>
            """;
    }

    // JSON can hold "<" only inside strings, where \u003c means the same character; escaping every
    // one means no "</script>" or "<!--" in a label can end or confuse the script element.
    internal static string ForScript(string json) => json.Replace("<", "\\u003c", StringComparison.Ordinal);
}
