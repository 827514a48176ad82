using Microsoft.Extensions.Time.Testing;
using Workbook.Measurement;

namespace Workbook.Tests.Measurement;

public class ThroughputMeterTests
{
    [Fact]
    public void Snapshot_FakeClock_PutsEachAddInItsBucket()
    {
        var clock = new FakeTimeProvider();
        var meter = new ThroughputMeter(TimeSpan.FromMilliseconds(100), clock);

        meter.Add(5);                                   // bucket 0
        clock.Advance(TimeSpan.FromMilliseconds(99));
        meter.Increment();                              // still bucket 0 (99 ms)
        clock.Advance(TimeSpan.FromMilliseconds(1));
        meter.Add(10);                                  // bucket 1 starts exactly at 100 ms
        clock.Advance(TimeSpan.FromMilliseconds(150));
        meter.Add(3);                                   // bucket 2 (250 ms)

        ThroughputSnapshot snapshot = meter.Snapshot();

        Assert.Equal(19, snapshot.Total);
        Assert.Equal(TimeSpan.FromMilliseconds(250), snapshot.Elapsed);
        Assert.Equal([6L, 10L, 3L], snapshot.Buckets.Select(b => b.Count));
        Assert.Equal([0.0, 100.0, 200.0], snapshot.Buckets.Select(b => b.Start.TotalMilliseconds));
        Assert.Equal([true, true, false], snapshot.Buckets.Select(b => b.IsComplete));
        Assert.Equal(TimeSpan.FromMilliseconds(50), snapshot.Buckets[2].Width);
        Assert.Equal(60.0, snapshot.Buckets[0].PerSecond, precision: 9);
        Assert.Equal(60.0, snapshot.Buckets[2].PerSecond, precision: 9);
        Assert.Equal(19 / 0.25, snapshot.OpsPerSecond, precision: 9);
    }

    [Fact]
    public void Snapshot_AcrossManyChunks_KeepsEveryCount()
    {
        var clock = new FakeTimeProvider();
        var meter = new ThroughputMeter(TimeSpan.FromMilliseconds(1), clock);

        // 5,000 buckets spans several internal blocks of 1,024 slices, forcing the directory to grow.
        for (int i = 0; i < 5000; i++)
        {
            meter.Add(i % 3);
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        ThroughputSnapshot snapshot = meter.Snapshot();
        long expected = Enumerable.Range(0, 5000).Sum(i => (long)(i % 3));
        Assert.Equal(expected, snapshot.Total);
        Assert.Equal(expected, meter.Total);
        Assert.Equal(5001, snapshot.Buckets.Count);
        Assert.Equal(expected, snapshot.Buckets.Sum(b => b.Count));
        Assert.All(snapshot.Buckets.Take(5000), (b, i) => Assert.Equal(i % 3, b.Count));
    }

    [Fact]
    public void Increment_ManyThreads_LosesNothing()
    {
        var meter = new ThroughputMeter();
        const int threads = 8, perThread = 50_000;
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < perThread; i++)
            {
                meter.Increment();
            }
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => Assert.True(t.Join(TimeSpan.FromSeconds(30))));

        Assert.Equal(threads * perThread, meter.Total);
        Assert.Equal(threads * perThread, meter.Snapshot().Total);
    }

    [Fact]
    public void Add_Negative_ThrowsArgumentOutOfRange()
    {
        var meter = new ThroughputMeter();

        Assert.Throws<ArgumentOutOfRangeException>(() => meter.Add(-1));
    }

    [Fact]
    public void Constructor_BucketUnderOneMillisecond_ThrowsArgumentOutOfRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ThroughputMeter(TimeSpan.FromTicks(10)));
        Assert.Equal("bucketWidth", error.ParamName);
    }

    [Fact]
    public void ToString_FakeClock_PrintsTotalsAndRate()
    {
        var clock = new FakeTimeProvider();
        var meter = new ThroughputMeter(timeProvider: clock);
        meter.Add(12_346);
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("12,346 ops in 2.00 s = 6,173 ops/s", meter.ToString());
    }
}
