using Workbook.Benchmarking;
using Workbook.Tests.Bench;
using Workbook.Tests.Charts;

namespace Workbook.Tests.Benchmarking;

public sealed class BenchChartTests
{
    private static BenchResults TwoJudged()
    {
        var speedup = new BenchSpec("1", 1, "speedup", "", BenchTarget.AtLeast(2));
        var fanOut = new BenchSpec("2a", 2, "fan-out", "", BenchTarget.AtMost(1.2));
        var report = new BenchSpec("4b", 4, "hand-off", "");
        return BenchResultsTests.Sample() with
        {
            Measurements = [speedup.Judge([], 1.5), fanOut.Judge([], 0.6), report.Judge([], 7), speedup.Pending("later") with { Id = "6a" }],
        };
    }

    [Fact]
    public void Score_JudgedRowsOnly_OneMeansOnTarget()
    {
        var (data, _) = ChartJson.Of(BenchChart.Score(TwoJudged()));

        Assert.Equal(["1 speedup", "2a fan-out"], ChartJson.Strings(data[0].GetProperty("x")));
        Assert.Equal([0.75, 2.0], ChartJson.Doubles(data[0].GetProperty("y")), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal([1.0, 1.0], ChartJson.Doubles(data[1].GetProperty("y")));
    }

    [Fact]
    public void TargetVsMeasured_EachJudgedRow_MeasuredBesideTarget()
    {
        var (data, _) = ChartJson.Of(BenchChart.TargetVsMeasured(TwoJudged()));

        Assert.Equal("measured", data[0].GetProperty("name").GetString());
        Assert.Equal([1.5, 0.6], ChartJson.Doubles(data[0].GetProperty("y")));
        Assert.Equal("target", data[1].GetProperty("name").GetString());
        Assert.Equal([2.0, 1.2], ChartJson.Doubles(data[1].GetProperty("y")));
    }

    [Fact]
    public void Score_NothingJudged_ThrowsSayingSo()
    {
        BenchResults none = BenchResultsTests.Sample() with { Measurements = [new BenchSpec("9a", 9, "python", "").Judge([], 30)] };

        var error = Assert.Throws<ArgumentException>(() => BenchChart.Score(none));

        Assert.Contains("nothing to chart", error.Message);
    }
}
