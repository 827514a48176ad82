using Workbook.Charts;
using Workbook.Tests.Support;
using Workbook.Twins;

namespace Workbook.Tests.Twins;

public class ChartPageTests
{
    private static XPlot.Plotly.PlotlyChart Chart(string title) => Plot.Bar([("a", 1.0), ("b", 2.0)], title, "x", "y");

    [Fact]
    public void TitleOf_HouseChart_IsItsTitle() => Assert.Equal("Cost per item", ChartPage.TitleOf(Chart("Cost per item")));

    [Fact]
    public void Html_WithScript_LoadsItBeforeTheChartAndNamesTheChart()
    {
        var html = ChartPage.Html(Chart("Speed-up <vs> threads"), "01 · Threads, chart 2", "../plotly-2.28.0.min.js");

        var script = html.IndexOf("<script src=\"../plotly-2.28.0.min.js\"></script>", StringComparison.Ordinal);
        var chart = html.IndexOf("class=\"" + ChartHtml.CssClass + "\"", StringComparison.Ordinal);
        Assert.InRange(script, 0, chart);
        Assert.Contains("<title>Speed-up &lt;vs&gt; threads", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<vs>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_WithoutScript_LeavesTheCdnFallbackToTheChart()
    {
        var html = ChartPage.Html(Chart("t"), "h", plotlyScript: null);

        Assert.DoesNotContain("<script src=", html, StringComparison.Ordinal);
        Assert.Contains(ChartHtml.PlotlyCdnUrl, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NestedFolder_CreatesItAndReferencesTheScriptRelatively()
    {
        using var temp = new TempFolder();
        var page = Path.Combine(temp.Path, "01-threads", "chart-01.html");

        ChartPage.Write(Chart("t"), page, "h", Path.Combine(temp.Path, "plotly-2.28.0.min.js"));

        Assert.Contains("<script src=\"../plotly-2.28.0.min.js\">", File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Fact]
    public void PlotlyScript_WriteTo_ExtractsThePinnedBundleOnce()
    {
        using var temp = new TempFolder();

        var path = PlotlyScript.WriteTo(temp.Path);
        Assert.NotNull(path);
        var written = File.GetLastWriteTimeUtc(path);
        var again = PlotlyScript.WriteTo(temp.Path);

        Assert.Equal(Path.Combine(temp.Path, PlotlyScript.FileName), path);
        Assert.Equal(path, again);
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        // The bundle announces its own version in its banner comment.
        using var reader = new StreamReader(path);
        var head = new char[400];
        var read = reader.Read(head, 0, head.Length);
        Assert.Contains("v" + ChartHtml.PlotlyVersion, new string(head, 0, read), StringComparison.Ordinal);
        Assert.True(new FileInfo(path).Length > 1_000_000, "plotly.js minified is several megabytes");
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }
}
