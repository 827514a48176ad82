using Microsoft.DotNet.Interactive.Formatting;
using Workbook.Charts;
using XPlot.Plotly;

namespace Workbook.Tests.Charts;

// The formatter registry is process-wide: run these tests on their own, never alongside others.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FormatterRegistryCollection
{
    public const string Name = "Formatter registry";
}

[Collection(FormatterRegistryCollection.Name)]
public class ChartFormatterTests
{
    [Fact]
    public void Register_Twice_RegistersOneFormatter()
    {
        ChartFormatter.Register();
        ChartFormatter.Register();

        Assert.True(ChartFormatter.IsRegistered);
        Assert.Single(Formatter.RegisteredFormatters(includeDefaults: false),
            f => f.Type == typeof(PlotlyChart) && f.MimeType == HtmlFormatter.MimeType);
    }

    [Fact]
    public void ToDisplayString_AfterRegister_RendersTheChartDiv()
    {
        ChartFormatter.Register();
        var chart = Plot.Bar([("a", 1), ("b", 2)], "Bars", "category", "value");

        string html = Formatter.ToDisplayString(chart, HtmlFormatter.MimeType);

        Assert.Contains("class=\"workbook-chart\"", html);
        Assert.Contains("Plotly.newPlot", html);
    }

    [Fact]
    public void Register_AfterPreferredMimeTypes_PrefersHtml()
    {
        ChartFormatter.Register();

        Assert.Equal(HtmlFormatter.MimeType, Formatter.GetPreferredMimeTypesFor(typeof(PlotlyChart)).First());
    }
}
