using Workbook.SideBySide;
using Workbook.Tests.Charts;

namespace Workbook.Tests.SideBySide;

public sealed class ChartsTests
{
    private static Comparison Threads(double pythonSequential, double csharpSequential) => new(
        Workload.For(Technique.Threads, workers: 2),
        Support.Interpreter,
        Support.Measurement([("primes", 1)], [("sequential", pythonSequential), ("threads", pythonSequential)]),
        Support.Measurement([("primes", 1)], [("sequential", csharpSequential), ("threads", csharpSequential / 2)]),
        ComparisonSource.Live,
        Support.Run);

    [Fact]
    public void Pairs_Speedups_PythonAndCSharpBarsAndAnIdealTick()
    {
        Comparison threads = Threads(1.0, 0.04);

        var (data, layout) = ChartJson.Of(SideBySideCharts.Pairs([("threads", threads.Headline)], "t", "speedup (×)"));

        Assert.Equal(3, data.GetArrayLength());
        Assert.Equal([1.0], ChartJson.Doubles(data[0].GetProperty("y")));
        Assert.Equal([2.0], ChartJson.Doubles(data[1].GetProperty("y")));
        Assert.Equal([2.0], ChartJson.Doubles(data[2].GetProperty("y")));   // the ideal: the worker count
        Assert.Equal("group", layout.GetProperty("barmode").GetString());
    }

    [Fact]
    public void Speed_OneBarPerComparisonOnALogAxisWithTheSameSpeedLine()
    {
        Comparison[] comparisons = [Threads(1.0, 0.04), Threads(1.0, 2.0)];

        var (data, layout) = ChartJson.Of(SideBySideCharts.Speed(comparisons));

        Assert.Equal([25.0, 0.5], ChartJson.Doubles(data[0].GetProperty("y")), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal([1.0, 1.0], ChartJson.Doubles(data[1].GetProperty("y")));
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
    }

    [Fact]
    public void Pairs_Nothing_Throws() =>
        Assert.Throws<ArgumentException>(() => SideBySideCharts.Pairs([], "t", "y"));
}
