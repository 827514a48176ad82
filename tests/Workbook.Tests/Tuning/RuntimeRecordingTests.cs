using Workbook.Tuning;

namespace Workbook.Tests.Tuning;

public sealed class RuntimeRecordingTests
{
    private static RuntimeSample Sample(double seconds, string phase, long contentions, long allocated, double cpuSeconds, long threads = 4, long queue = 0) =>
        new(TimeSpan.FromSeconds(seconds), phase, threads, queue, 0, contentions, 0, 0, 0, allocated, TimeSpan.FromSeconds(cpuSeconds), 1 << 20);

    private static RuntimeRecording Recording() => new(
    [
        Sample(0.0, "lock", 100, 0, 0.0),
        Sample(0.5, "lock", 600, 1 << 20, 0.5, threads: 6, queue: 9),
        Sample(1.0, "free", 1100, 2 << 20, 1.0),
        Sample(1.5, "free", 1100, 3 << 20, 1.0),
        Sample(2.0, "free", 1100, 4 << 20, 1.0),
    ],
        TimeSpan.FromMilliseconds(500),
        Truncated: false);

    [Fact]
    public void Values_ContentionRate_DifferenceOverInterval()
    {
        Assert.Equal([0, 1000, 1000, 0, 0], Recording().Values(RuntimeMetric.LockContentionsPerSecond));
    }

    [Fact]
    public void Values_Totals_RelativeToTheFirstSample()
    {
        RuntimeRecording recording = Recording();

        Assert.Equal([0, 500, 1000, 1000, 1000], recording.Values(RuntimeMetric.LockContentions));
        Assert.Equal([0, 1, 2, 3, 4], recording.Values(RuntimeMetric.AllocatedMegabytes));
    }

    [Fact]
    public void Growth_PerPhase_FromItsFirstSampleToTheNextPhasesFirst()
    {
        RuntimeRecording recording = Recording();

        Assert.Equal(1000, recording.Growth("lock", RuntimeMetric.LockContentions));
        Assert.Equal(0, recording.Growth("free", RuntimeMetric.LockContentions));
        Assert.Throws<ArgumentException>(() => recording.Growth("lock", RuntimeMetric.CpuPercent));
        Assert.Throws<ArgumentException>(() => recording.Growth("nowhere", RuntimeMetric.LockContentions));
    }

    [Fact]
    public void Mean_CpuPercentOfAPhase_AveragesItsRates()
    {
        RuntimeRecording recording = Recording();
        double perCore = 100.0 / Environment.ProcessorCount;

        // One CPU-second per wall second is 100 % of one core; the "free" phase used none after its first sample.
        Assert.Equal(perCore, recording.Mean(RuntimeMetric.CpuPercent, "lock"), 6);
        Assert.Equal(perCore / 3, recording.Mean(RuntimeMetric.CpuPercent, "free"), 6);
    }

    [Fact]
    public void Lines_TwoPhases_OneSeriesEachJoinedAtTheBoundary()
    {
        var lines = Recording().Lines(RuntimeMetric.ThreadPoolThreads);

        Assert.Equal(["lock", "free"], lines.Select(l => l.Name));
        Assert.Equal([0.0, 0.5, 1.0], lines[0].X);
        Assert.Equal([1.0, 1.5, 2.0], lines[1].X);
    }

    [Fact]
    public void Peak_QueueLength_Largest()
    {
        Assert.Equal(9, Recording().Peak(RuntimeMetric.ThreadPoolQueueLength));
        Assert.Equal(6, Recording().Peak(RuntimeMetric.ThreadPoolThreads));
    }

    [Fact]
    public void ToString_Recording_SummarisesContentionsAndAllocations()
    {
        string text = Recording().ToString();

        Assert.Contains("5 samples", text, StringComparison.Ordinal);
        Assert.Contains("1,000 lock contentions", text, StringComparison.Ordinal);
        Assert.Contains("4.0 MB allocated", text, StringComparison.Ordinal);
    }
}
