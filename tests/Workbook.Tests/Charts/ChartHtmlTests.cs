using System.Text.RegularExpressions;
using Workbook.Charts;
using XPlot.Plotly;

namespace Workbook.Tests.Charts;

public class ChartHtmlTests
{
    private static PlotlyChart SampleChart(string name = "measured") =>
        Plot.Line(Series.Of(name, [(1, 10.5), (2, 20.25)]), "Speed", "threads", "ops/s");

    [Fact]
    public void Render_Chart_ScriptDrawsIntoTheDivItCreates()
    {
        string html = ChartHtml.Render(SampleChart());

        Match div = Regex.Match(html, """<div id="(wb-chart-[0-9a-f]{32})" class="workbook-chart" style="width: 800px; height: 420px;""");
        Assert.True(div.Success, html);
        string id = div.Groups[1].Value;
        Assert.Contains($"var id = \"{id}\";", html);
        Assert.Contains("window.Plotly.newPlot(element, data, layout, config)", html);
        Assert.Contains("{ responsive: true, displaylogo: false }", html);
    }

    [Fact]
    public void Render_Chart_ContainsTheTraceData()
    {
        string html = ChartHtml.Render(SampleChart());

        Assert.Contains("\"name\":\"measured\"", html);
        Assert.Contains("[10.5,20.25]", html);
        Assert.Contains("\"title\":\"Speed\"", html);
    }

    [Fact]
    public void Render_TwoCalls_UseDifferentIds()
    {
        var chart = SampleChart();

        string first = Regex.Match(ChartHtml.Render(chart), "wb-chart-[0-9a-f]{32}").Value;
        string second = Regex.Match(ChartHtml.Render(chart), "wb-chart-[0-9a-f]{32}").Value;

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Render_LabelWithScriptTag_CannotCloseTheScriptElement()
    {
        string html = ChartHtml.Render(SampleChart("</script><script>alert(1)</script><!--"));

        // Exactly one closing tag: the fragment's own, at the very end.
        Assert.Single(Regex.Matches(html, "</script", RegexOptions.IgnoreCase));
        Assert.EndsWith("</script>", html.TrimEnd());
        Assert.DoesNotContain("<!--", html);
        Assert.Contains(@"\u003c/script>\u003cscript>alert(1)", html);
    }

    [Fact]
    public void Render_Chart_FetchesPlotlyOnlyWhenThePageHasNone()
    {
        string html = ChartHtml.Render(SampleChart());

        int guard = html.IndexOf("if (typeof window.Plotly !== \"undefined\") { draw(); return; }", StringComparison.Ordinal);
        int fetch = html.IndexOf(ChartHtml.PlotlyCdnUrl, StringComparison.Ordinal);
        Assert.True(guard >= 0, "the window.Plotly guard is missing");
        Assert.True(fetch > guard, "the CDN must only be referenced after the guard has returned");
        Assert.Single(Regex.Matches(html, Regex.Escape(ChartHtml.PlotlyCdnUrl)));
        Assert.Contains("if (shared.loading) { return; }", html);
    }

    [Fact]
    public void PlotlyVersion_IsPinnedTo2()
    {
        Assert.Equal("2.28.0", ChartHtml.PlotlyVersion);
        Assert.Equal("https://cdn.plot.ly/plotly-2.28.0.min.js", ChartHtml.PlotlyCdnUrl);
    }

    [Fact]
    public void Render_XPlotChartWithoutLayout_UsesEmptyLayoutAndChartSize()
    {
        var chart = Chart.Line(new[] { 1.0, 2.0, 3.0 });

        string html = ChartHtml.Render(chart);

        Assert.Contains("var layout = {};", html);
        Assert.Contains("width: 900px; height: 500px;", html);
    }
}
