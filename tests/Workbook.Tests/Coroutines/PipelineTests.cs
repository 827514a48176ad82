using Workbook.Coroutines;

namespace Workbook.Tests.Coroutines;

public sealed class PipelineTests
{
    [Fact]
    public void PullProbe_LazyPipelineTakingFive_CountsOnlyWhatWasNeededAndClosesEveryStage()
    {
        var probe = new PullProbe();
        var readings = SensorLog.Readings(10_000).CountInto(probe, "read")
            .Where(r => r.Celsius > SensorLog.HotCelsius).CountInto(probe, "hot")
            .Take(5).CountInto(probe, "first 5")
            .ToList();

        Assert.Equal(5, readings.Count);
        Assert.Equal(5, probe["hot"]);
        Assert.Equal(readings[^1].Index + 1, probe["read"]);
        Assert.True(probe["read"] < 10_000);
        Assert.All(probe.Stages, s => Assert.True(s.Disposed, $"{s.Stage} left open"));
        Assert.EndsWith("(every stage disposed)", probe.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PullProbe_StageAbandonedWithoutDispose_ReportedOpen()
    {
        var probe = new PullProbe();
        IEnumerator<int> items = Enumerable.Range(0, 10).CountInto(probe, "numbers").GetEnumerator();
        items.MoveNext();

        Assert.Contains("still open: numbers", probe.ToString(), StringComparison.Ordinal);
        items.Dispose();
        Assert.True(probe.Stages[0].Disposed);
    }

    [Fact]
    public void PullProbe_BadStageNames_Throw()
    {
        var probe = new PullProbe();
        probe.Watch([1], "a");

        Assert.Throws<ArgumentException>(() => probe.Watch([1], "a"));
        Assert.Throws<ArgumentException>(() => probe.Watch([1], ""));
        Assert.Throws<ArgumentException>(() => probe["missing"]);
    }

    [Fact]
    public void SensorReading_LineRoundTrip_SameReading()
    {
        var reading = new SensorReading(17, "sensor-3", 23.4);

        Assert.Equal("17,sensor-3,23.4", reading.ToLine());
        Assert.Equal(reading, SensorReading.Parse(reading.ToLine()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("17,sensor-3")]
    [InlineData("x,sensor-3,23.4")]
    [InlineData("17,sensor-3,warm")]
    public void SensorReading_BadLine_FormatExceptionQuotingIt(string line)
    {
        var error = Assert.Throws<FormatException>(() => SensorReading.Parse(line));

        Assert.Contains($"'{line}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SensorLog_SameSeed_SameReadingsAndSpikesAboveThreshold()
    {
        var first = SensorLog.Readings(2_000, seed: 5).ToList();
        var second = SensorLog.Readings(2_000, seed: 5).ToList();

        Assert.Equal(first, second);
        Assert.Equal(Enumerable.Range(0, 2_000), first.Select(r => r.Index));
        int hot = first.Count(r => r.Celsius > SensorLog.HotCelsius);
        Assert.InRange(hot, 2_000 / 50, 2_000 / 12);
        Assert.All(first.Where(r => r.Celsius <= SensorLog.HotCelsius), r => Assert.InRange(r.Celsius, 18, 28));
    }

    [Fact]
    public void SensorLog_Write_FileParsesBackToTheSameReadings()
    {
        string path = Path.Combine(Path.GetTempPath(), $"workbook-sensors-{Guid.NewGuid():N}.csv");
        try
        {
            SensorLog.Write(path, 100, seed: 9);

            Assert.Equal(SensorLog.Readings(100, seed: 9), File.ReadLines(path).Select(SensorReading.Parse));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_000)]
    public async Task ItemCost_AllFiveWays_SameSum(int count)
    {
        long expected = ItemCost.Expected(count);

        Assert.Equal(expected, ItemCost.Loop(count));
        Assert.Equal(expected, ItemCost.Iterator(count));
        Assert.Equal(expected, ItemCost.Linq(count));
        Assert.Equal(expected, await ItemCost.AsyncIteratorAsync(count).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(expected, await ItemCost.AsyncBatchesAsync(count, batchSize: 7).WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task ItemCost_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ItemCost.Loop(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ItemCost.Iterator(-1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ItemCost.AsyncBatchesAsync(10, batchSize: 0).WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void ThreadHandOff_SomeRoundTrips_PositiveTimePerHandOff()
    {
        TimeSpan perHandOff = SwitchCost.ThreadHandOff(roundTrips: 50);

        Assert.True(perHandOff > TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => SwitchCost.ThreadHandOff(roundTrips: 0));
    }
}
