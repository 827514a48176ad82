namespace Workbook.Tests;

// Setup touches the process-wide formatter registry, like the chart formatter tests.
[Collection(Workbook.Tests.Charts.FormatterRegistryCollection.Name)]
public class NotebookTests
{
    [Fact]
    public void Environment_ThisMachine_ReportsSdkCoresAndLibrary()
    {
        var env = Notebook.Environment();

        Assert.Matches(@"^[0-9]+\.[0-9]+\.[0-9]+", env.Sdk);
        Assert.Equal(System.Environment.ProcessorCount, env.Cores);
        Assert.EndsWith("Workbook.dll", env.Library);
        Assert.Contains($"cores          {env.Cores}", env.ToString());
    }

    [Fact]
    public void Setup_CalledTwice_RegistersTheChartFormatterOnce()
    {
        Notebook.Setup();
        Notebook.Setup();
        Assert.True(Workbook.Charts.ChartFormatter.IsRegistered);
    }
}
