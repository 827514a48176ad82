using Workbook.Processes;
using static Workbook.Tests.Charts.ChartJson;

namespace Workbook.Tests.Processes;

public sealed class ProcessChartsTests
{
    [Fact]
    public void StartupCosts_Report_ThreeBarsOnLogAxisWithValueLabels()
    {
        var report = new StartupCostReport(200, 0.1, 0.002, 5);

        var (data, layout) = Of(ProcessCharts.StartupCosts(report));

        Assert.Equal([200, 0.1, 0.002], Doubles(data[0].GetProperty("y")));
        Assert.Equal(["200 ms", "0.10 ms", "2.0 µs"], Strings(data[0].GetProperty("text")));
        Assert.Equal("outside", data[0].GetProperty("textposition").GetString());
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Contains("median of 5", layout.GetProperty("yaxis").GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void StartupCosts_ZeroReading_DrawnAtFloorNotZero()
    {
        var (data, _) = Of(ProcessCharts.StartupCosts(new StartupCostReport(150, 0.05, 0, 3)));

        Assert.True(Doubles(data[0].GetProperty("y"))[2] > 0);
    }

    [Fact]
    public void Scaling_ProcessesAndThreads_TwoLinesAndIdealCappedAtCores()
    {
        ScalingPoint[] points =
        [
            Point(ScalingMode.Processes, 1, 10), Point(ScalingMode.Threads, 1, 11),
            Point(ScalingMode.Processes, 2, 19), Point(ScalingMode.Threads, 2, 20),
            Point(ScalingMode.Processes, 3, 19), Point(ScalingMode.Threads, 3, 20),
        ];

        var (data, layout) = Of(ProcessCharts.Scaling(points, cores: 2));

        Assert.Equal(3, data.GetArrayLength());
        Assert.Equal("worker processes", data[0].GetProperty("name").GetString());
        Assert.Equal([10, 19, 19], Rounded(Doubles(data[0].GetProperty("y"))));
        Assert.Equal([11, 20, 20], Rounded(Doubles(data[1].GetProperty("y"))));
        Assert.Equal([10, 20, 20], Rounded(Doubles(data[2].GetProperty("y"))));
        Assert.Equal("dash", data[2].GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal(1, layout.GetProperty("xaxis").GetProperty("dtick").GetDouble());
    }

    [Fact]
    public void Scaling_NoOneProcessPoint_ThrowsNamingTheIdeal()
    {
        var error = Assert.Throws<ArgumentException>(() => ProcessCharts.Scaling([Point(ScalingMode.Threads, 1, 5)]));

        Assert.Contains("one worker process", error.Message, StringComparison.Ordinal);
    }

    // Items per second is computed from an elapsed time, so it carries floating-point noise.
    private static double[] Rounded(double[] values) => [.. values.Select(v => Math.Round(v, 3))];

    private static ScalingPoint Point(ScalingMode mode, int workers, double perSecond) =>
        new(mode, workers, 10, 0, TimeSpan.FromSeconds(10 / perSecond), []);
}
