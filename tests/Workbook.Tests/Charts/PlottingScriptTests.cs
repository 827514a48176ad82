using Workbook.Charts;
using XPlot.Plotly;

namespace Workbook.Tests.Charts;

public class PlottingScriptTests
{
    [Fact]
    public void Extract_ChartWithoutLayout_ReturnsEmptyObject()
    {
        var chart = Chart.Plot(new Scatter { x = new[] { 1 }, y = new[] { 2 } });

        var (data, layout) = PlottingScript.Extract(chart.GetPlottingJS());

        Assert.Equal("""[{"type":"scatter","x":[1],"y":[2]}]""", data);
        Assert.Equal("{}", layout);
    }

    [Fact]
    public void Extract_MarkersInsideStrings_FindsRealBoundaries()
    {
        var trace = new Scatter { name = "]; var layout = {\"evil\"", x = new[] { 1 }, y = new[] { 2 } };
        var chart = Chart.Plot(trace, new Layout.Layout { title = "var layout = }" });

        var (data, layout) = PlottingScript.Extract(chart.GetPlottingJS());

        Assert.Contains("evil", data);
        Assert.Equal("""{"title":"var layout = }"}""", layout);
    }

    [Fact]
    public void Extract_NotXPlotScript_ThrowsInvalidOperation()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PlottingScript.Extract("Plotly.newPlot('x', [], {});"));

        Assert.Contains("XPlot", error.Message);
    }
}
