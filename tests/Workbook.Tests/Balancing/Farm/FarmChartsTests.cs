using Workbook.Balancing.Farm;
using static Workbook.Tests.Charts.ChartJson;

namespace Workbook.Tests.Balancing.Farm;

public sealed class FarmChartsTests
{
    private static readonly FarmComparisonResult Result = new(
        "3 backends at 2 ms, backend2 at 100 ms",
        ["backend0", "backend1", "backend2"],
        [Contender("ours", "peak-ewma", mean: 5, p99: 30, throughput: 1000, [150, 150, 0]), Contender("YARP", "RoundRobin", mean: 35, p99: 110, throughput: 250, [100, 100, 100])],
        TimeSpan.FromSeconds(1));

    [Fact]
    public void Latency_WithReference_MeanAndP99BarsPerContenderAndDashedLine()
    {
        var (data, layout) = Of(FarmCharts.Latency(Result, TimeSpan.FromMilliseconds(100), "backend2's delay"));

        Assert.Equal(3, data.GetArrayLength());
        Assert.Equal(["mean", "p99", "backend2's delay"], data.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["ours peak-ewma", "YARP RoundRobin"], Strings(data[0].GetProperty("x")));
        Assert.Equal([5.0, 35.0], Doubles(data[0].GetProperty("y")));
        Assert.Equal([30.0, 110.0], Doubles(data[1].GetProperty("y")));
        Assert.Equal([100.0, 100.0], Doubles(data[2].GetProperty("y")));
        Assert.Equal("dash", data[2].GetProperty("line").GetProperty("dash").GetString());
        Assert.Contains("backend2 at 100 ms", layout.GetProperty("title").GetString());
    }

    [Fact]
    public void PerBackend_TwoContenders_OneTracePerBackendInFarmOrder()
    {
        var (data, layout) = Of(FarmCharts.PerBackend(Result));

        Assert.Equal(["backend0", "backend1", "backend2"], data.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([0.0, 100.0], Doubles(data[2].GetProperty("y")));
        Assert.Equal(["ours peak-ewma", "YARP RoundRobin"], Strings(data[2].GetProperty("x")));
        Assert.Equal("responses (of 300)", layout.GetProperty("yaxis").GetProperty("title").GetString());
    }

    [Fact]
    public void Throughput_TwoContenders_OneBarEach()
    {
        var (data, _) = Of(FarmCharts.Throughput(Result));

        Assert.Equal(1, data.GetArrayLength());
        Assert.Equal([1000.0, 250.0], Doubles(data[0].GetProperty("y")));
    }

    [Fact]
    public void Latency_NoReference_OnlyTheBars()
    {
        var (data, _) = Of(FarmCharts.Latency(Result));

        Assert.Equal(2, data.GetArrayLength());
    }

    [Fact]
    public void Latency_NoContenders_ThrowsNamingTheProblem()
    {
        var empty = Result with { Contenders = [] };

        var e = Assert.Throws<ArgumentException>(() => FarmCharts.Latency(empty));

        Assert.Contains("no contenders", e.Message);
    }

    private static ContenderResult Contender(string kind, string policy, double mean, double p99, double throughput, long[] perBackend) =>
        new(kind, policy, perBackend.Sum(), 0, throughput, TimeSpan.FromMilliseconds(mean), TimeSpan.FromMilliseconds(mean), TimeSpan.FromMilliseconds(p99), perBackend, [throughput], TimeSpan.FromMilliseconds(1));
}
