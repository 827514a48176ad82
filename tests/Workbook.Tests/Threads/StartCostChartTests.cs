using Workbook.Tests.Charts;
using Workbook.Threads;

namespace Workbook.Tests.Threads;

public sealed class StartCostChartTests
{
    [Fact]
    public void Of_ThreeMechanisms_OneLabelledBarEachOnALogAxis()
    {
        StartCost[] costs =
        [
            new(StartMechanism.NewThread, 100, 100, TimeSpan.FromMilliseconds(5)),
            new(StartMechanism.ThreadPool, 100, 100, TimeSpan.FromMicroseconds(20)),
            new(StartMechanism.TaskRun, 100, 100, TimeSpan.FromMicroseconds(30)),
        ];

        var (data, layout) = ChartJson.Of(StartCostChart.Of(costs));

        Assert.Equal(1, data.GetArrayLength());
        Assert.Equal(["NewThread", "ThreadPool", "TaskRun"], ChartJson.Strings(data[0].GetProperty("x")));
        Assert.Equal([50.0, 0.2, 0.3], ChartJson.Doubles(data[0].GetProperty("y")), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(["50.0 µs", "0.20 µs", "0.30 µs"], ChartJson.Strings(data[0].GetProperty("text")));
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Contains("µs", layout.GetProperty("yaxis").GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PerItemMicroseconds_BelowOneTick_NotRoundedLikePerItem()
    {
        var cost = new StartCost(StartMechanism.ThreadPool, 2_000, 2_000, TimeSpan.FromMicroseconds(317));

        Assert.Equal(0.1585, cost.PerItemMicroseconds, tolerance: 1e-9);
        Assert.Equal(TimeSpan.FromTicks(2), cost.PerItem);
    }

    [Fact]
    public void Of_NoCosts_Throws() =>
        Assert.Throws<ArgumentException>(() => StartCostChart.Of([]));

    [Fact]
    public void StartCost_ToString_ShowsTotalAndPerItem() =>
        Assert.Equal(
            "NewThread: 1,000 items in 85.0 ms (85.00 µs each)",
            new StartCost(StartMechanism.NewThread, 1_000, 1_000, TimeSpan.FromMilliseconds(85)).ToString());
}
