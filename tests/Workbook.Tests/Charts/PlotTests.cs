using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Workbook.Charts;
using Workbook.Measurement;
using static Workbook.Tests.Charts.ChartJson;

namespace Workbook.Tests.Charts;

public class PlotTests
{
    [Fact]
    public void Line_SeriesAndIdeal_OneTracePerSeriesPlusDashedIdeal()
    {
        var measured = Series.Of("measured", [(1, 1.0), (2, 1.8), (4, 3.1)]);
        var ideal = Series.Of("ideal", [(1, 1), (2, 2), (4, 4)]);

        var (data, layout) = Of(Plot.Line([measured], "Speed-up", "threads", "speed-up (×)", ideal));

        Assert.Equal(2, data.GetArrayLength());
        Assert.Equal("measured", data[0].GetProperty("name").GetString());
        Assert.Equal([1.8], Doubles(data[0].GetProperty("y")).Skip(1).Take(1));
        Assert.Equal("dash", data[1].GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal("Speed-up", layout.GetProperty("title").GetString());
        Assert.Equal("threads", layout.GetProperty("xaxis").GetProperty("title").GetString());
        Assert.Equal(Plot.DefaultWidth, layout.GetProperty("width").GetDouble());
        Assert.Equal(Plot.DefaultHeight, layout.GetProperty("height").GetDouble());
        Assert.Equal(Plot.Palette, Strings(layout.GetProperty("colorway")));
    }

    [Fact]
    public void Line_LogAxes_SetsLogType()
    {
        var (_, layout) = Of(Plot.Line(Series.Of("s", [(1, 1), (10, 100)]), "t", "x", "y", logX: true, logY: true));

        Assert.Equal("log", layout.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
    }

    [Fact]
    public void Line_FewWholeNumberX_TicksEveryWholeNumber()
    {
        var (_, layout) = Of(Plot.Line(Series.Of("workers", [(1, 1.0), (2, 1.5), (3, 1.6), (4, 1.6)]), "t", "workers", "y"));

        Assert.Equal(1, layout.GetProperty("xaxis").GetProperty("dtick").GetDouble());
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(100)]
    public void Line_FractionalOrWideX_LeavesTicksToPlotly(double last)
    {
        var (_, layout) = Of(Plot.Line(Series.Of("s", [(1, 1.0), (last, 2.0)]), "t", "x", "y"));

        Assert.False(layout.GetProperty("xaxis").TryGetProperty("dtick", out _));
    }

    [Fact]
    public void Line_NoSeries_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Plot.Line(Array.Empty<Series>(), "t", "x", "y"));
    }

    [Fact]
    public void Bar_Categories_OneBarEachInOrder()
    {
        var (data, _) = Of(Plot.Bar([("a", 3), ("b", 5), ("c", 1)], "Requests", "server", "requests"));

        JsonElement trace = Assert.Single(data.EnumerateArray());
        Assert.Equal("bar", trace.GetProperty("type").GetString());
        Assert.Equal(["a", "b", "c"], Strings(trace.GetProperty("x")));
        Assert.Equal([3.0, 5.0, 1.0], Doubles(trace.GetProperty("y")));
    }

    [Fact]
    public void GroupedBar_Rows_OneTracePerSeriesWithGapForMissingPair()
    {
        var rows = new[] { ("round-robin", "s1", 10.0), ("round-robin", "s2", 12.0), ("least", "s2", 7.0) };

        var (data, layout) = Of(Plot.GroupedBar(rows, "Load", "server", "requests"));

        Assert.Equal(2, data.GetArrayLength());
        Assert.Equal("group", layout.GetProperty("barmode").GetString());
        Assert.Equal(["s1", "s2"], Strings(data[1].GetProperty("x")));
        Assert.Equal(JsonValueKind.Null, data[1].GetProperty("y")[0].ValueKind);
        Assert.Equal(7.0, data[1].GetProperty("y")[1].GetDouble());
    }

    [Fact]
    public void GroupedBar_DuplicatePair_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Plot.GroupedBar([("a", "x", 1), ("a", "x", 2)], "t", "x", "y"));
    }

    [Fact]
    public void Histogram_TwoSamples_OverlaidTracesWithBins()
    {
        var (data, layout) = Of(Plot.Histogram([("seq", [1.0, 2.0]), ("par", [3.0])], bins: 20));

        Assert.Equal(2, data.GetArrayLength());
        Assert.Equal("histogram", data[0].GetProperty("type").GetString());
        Assert.Equal(20, data[0].GetProperty("nbinsx").GetInt32());
        Assert.Equal([3.0], Doubles(data[1].GetProperty("x")));
        Assert.Equal("overlay", layout.GetProperty("barmode").GetString());
    }

    [Fact]
    public void Percentiles_Sample_PlotsInterpolatedPercentiles()
    {
        double[] sample = Enumerable.Range(0, 101).Select(i => (double)i).ToArray();

        var (data, _) = Of(Plot.Percentiles(sample));

        JsonElement trace = Assert.Single(data.EnumerateArray());
        Assert.Equal(["p50", "p75", "p90", "p95", "p99", "p99.9"], Strings(trace.GetProperty("x")));
        Assert.Equal([50.0, 75.0, 90.0, 95.0, 99.0, 99.9], Doubles(trace.GetProperty("y")).Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void Timeline_ThreeLanes_OneTracePerLaneWithBarsFromStartToEnd()
    {
        var recorder = new ActivityRecorder(new FakeTimeProvider());
        recorder.Add("worker 10", "c", TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(9));
        recorder.Add("worker 2", "a", TimeSpan.FromMilliseconds(0), TimeSpan.FromMilliseconds(3));
        recorder.Add("worker 2", "b", TimeSpan.FromMilliseconds(4), TimeSpan.FromMilliseconds(10));
        recorder.Add("worker 1", "d", TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2));

        var (data, layout) = Of(Plot.Timeline(recorder));

        Assert.Equal(3, data.GetArrayLength());
        Assert.Equal(["worker 1", "worker 2", "worker 10"], data.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        JsonElement lane2 = data[1];
        Assert.Equal("h", lane2.GetProperty("orientation").GetString());
        Assert.Equal(["worker 2", "worker 2"], Strings(lane2.GetProperty("y")));
        Assert.Equal([0.0, 4.0], Doubles(lane2.GetProperty("base")));
        Assert.Equal([3.0, 6.0], Doubles(lane2.GetProperty("x")));
        Assert.StartsWith("b<br>", Strings(lane2.GetProperty("hovertext"))[1]);
        Assert.Contains("6.00 ms", Strings(lane2.GetProperty("hovertext"))[1]);
        Assert.Equal("reversed", layout.GetProperty("yaxis").GetProperty("autorange").GetString());
        Assert.Equal("tozero", layout.GetProperty("xaxis").GetProperty("rangemode").GetString());
    }

    [Fact]
    public void Timeline_ManyLanes_GrowsTaller()
    {
        var spans = Enumerable.Range(0, 20).Select(i => new ActivitySpan($"lane {i}", "x", TimeSpan.Zero, TimeSpan.FromMilliseconds(1)));

        var chart = Plot.Timeline(spans);

        Assert.Equal(20, Of(chart).Data.GetArrayLength());
        Assert.True(chart.Height > Plot.DefaultHeight);
    }

    [Fact]
    public void Throughput_Snapshot_PlotsRatePerBucketAtMidpoints()
    {
        var clock = new FakeTimeProvider();
        var meter = new ThroughputMeter(TimeSpan.FromMilliseconds(100), clock);
        meter.Add(10);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        meter.Add(20);
        clock.Advance(TimeSpan.FromMilliseconds(120)); // last slice is 20 ms old: too short to plot

        var (data, _) = Of(Plot.Throughput(meter.Snapshot()));

        JsonElement trace = Assert.Single(data.EnumerateArray());
        Assert.Equal([0.05, 0.15], Doubles(trace.GetProperty("x")).Select(v => Math.Round(v, 9)));
        Assert.Equal([100.0, 200.0], Doubles(trace.GetProperty("y")).Select(v => Math.Round(v, 6)));
    }
}
