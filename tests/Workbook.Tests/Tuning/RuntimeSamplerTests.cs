using Workbook.Tuning;

namespace Workbook.Tests.Tuning;

// Reads process-wide counters: run alone.
[Collection(TuningCollection.Name)]
public sealed class RuntimeSamplerTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(10);

    [Fact]
    public void SampleNow_AfterAForcedLockContention_ContentionCountGrew()
    {
        using RuntimeSampler sampler = RuntimeSampler.Start(TimeSpan.FromSeconds(5));
        RuntimeSample before = sampler.SampleNow();

        ForceOneContention();

        RuntimeSample after = sampler.SampleNow();
        Assert.True(after.LockContentions > before.LockContentions, $"contentions {before.LockContentions} -> {after.LockContentions}");
    }

    [Fact]
    public void SampleNow_AfterAllocatingEightMegabytes_AllocatedBytesGrewByAboutThatMuch()
    {
        using RuntimeSampler sampler = RuntimeSampler.Start(TimeSpan.FromSeconds(5));
        RuntimeSample before = sampler.SampleNow();

        var blocks = new List<byte[]>();
        for (int i = 0; i < 8; i++)
        {
            blocks.Add(new byte[1 << 20]);
        }

        RuntimeSample after = sampler.SampleNow();
        GC.KeepAlive(blocks);
        // The runtime's counter is the imprecise total (GC.GetTotalAllocatedBytes(false)): bytes
        // still inside threads' allocation contexts are not in it yet, so allow a megabyte of slack.
        Assert.True(after.AllocatedBytes - before.AllocatedBytes >= 7L << 20, $"allocated {before.AllocatedBytes} -> {after.AllocatedBytes}");
    }

    [Fact]
    public void SampleNow_AfterAForcedCollection_Gen0CountGrew()
    {
        using RuntimeSampler sampler = RuntimeSampler.Start(TimeSpan.FromSeconds(5));
        RuntimeSample before = sampler.SampleNow();

        // The GC may escalate a forced gen-0 collection to gen 1; either way generation 0 was collected.
        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        int counted = GC.CollectionCount(0);

        RuntimeSample after = sampler.SampleNow();
        Assert.True(after.Gen0Collections > before.Gen0Collections, $"gen0 {before.Gen0Collections} -> {after.Gen0Collections}");
        Assert.True(after.Gen0Collections >= counted, $"sampled gen0 {after.Gen0Collections} < GC.CollectionCount(0) {counted} read before it");
        Assert.True(after.ThreadPoolThreads >= 0 && after.WorkingSetBytes > 0 && after.CpuTime > TimeSpan.Zero);
    }

    [Fact]
    public void SampleNow_AfterAForcedFullCollection_EveryGenerationCountGrew()
    {
        using RuntimeSampler sampler = RuntimeSampler.Start(TimeSpan.FromSeconds(5));
        RuntimeSample before = sampler.SampleNow();

        GC.Collect(2, GCCollectionMode.Forced, blocking: true);

        RuntimeSample after = sampler.SampleNow();
        Assert.True(after.Gen2Collections > before.Gen2Collections, $"gen2 {before.Gen2Collections} -> {after.Gen2Collections}");
        Assert.True(after.Gen1Collections > before.Gen1Collections, $"gen1 {before.Gen1Collections} -> {after.Gen1Collections}");
        Assert.True(after.Gen0Collections > before.Gen0Collections, $"gen0 {before.Gen0Collections} -> {after.Gen0Collections}");
        Assert.True(after.Gen0Collections >= after.Gen1Collections && after.Gen1Collections >= after.Gen2Collections, $"{after.Gen0Collections}/{after.Gen1Collections}/{after.Gen2Collections}");
    }

    [Fact]
    public void Stop_WithPhases_RecordingLabelsSamplesAndMeasuresGrowthPerPhase()
    {
        RuntimeSampler sampler = RuntimeSampler.Start(TimeSpan.FromSeconds(5), phase: "quiet");
        sampler.Mark("contended");
        ForceOneContention();
        sampler.Mark("after");
        RuntimeRecording recording = sampler.Stop();

        Assert.Equal(["quiet", "contended", "after"], recording.Phases);
        Assert.True(recording.Growth("contended", RuntimeMetric.LockContentions) >= 1);
        Assert.Equal(3, recording.Lines(RuntimeMetric.LockContentions).Count);
        Assert.Same(recording, sampler.Stop());
        Assert.Throws<ObjectDisposedException>(() => sampler.SampleNow());
    }

    [Fact]
    public void SampleNow_BeyondCapacity_KeepsOnlyCapacityAndSaysTruncated()
    {
        RuntimeSampler sampler = RuntimeSampler.Start(TimeSpan.FromSeconds(5), capacity: 3);
        for (int i = 0; i < 5; i++)
        {
            sampler.SampleNow();
        }

        RuntimeRecording recording = sampler.Stop();

        Assert.Equal(3, recording.Samples.Count);
        Assert.True(recording.Truncated);
    }

    [Fact]
    public async Task Start_ShortInterval_SamplerThreadTakesSamplesOnItsOwn()
    {
        RuntimeSampler sampler = RuntimeSampler.Start(TimeSpan.FromMilliseconds(10), capacity: 5);
        var gate = new TaskCompletionSource();

        // Poll on the thread pool until the sampler thread has filled its capacity (bounded).
        _ = Task.Run(async () =>
        {
            while (!gate.Task.IsCompleted)
            {
                if (sampler.SampleCount >= 5)
                {
                    gate.TrySetResult();
                }

                await Task.Delay(10);
            }
        });
        await gate.Task.WaitAsync(s_bound);
        RuntimeRecording recording = sampler.Stop();

        Assert.Equal(5, recording.Samples.Count);
        Assert.True(recording.Samples.Zip(recording.Samples.Skip(1)).All(p => p.Second.At >= p.First.At));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20_000)]
    public void Start_IntervalOutOfRange_Throws(int milliseconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RuntimeSampler.Start(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void Start_CapacityOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RuntimeSampler.Start(capacity: 1));

    /// <summary>Holds a lock until another thread is seen blocked waiting for it: exactly the situation the runtime counts.</summary>
    private static void ForceOneContention()
    {
        var gate = new object();
        var waiter = new Thread(() =>
        {
            lock (gate)
            {
            }
        })
        { IsBackground = true };
        lock (gate)
        {
            waiter.Start();
            var clock = System.Diagnostics.Stopwatch.StartNew();

            // The waiter spins briefly, then blocks: WaitSleepJoin means it is waiting on the lock.
            while ((waiter.ThreadState & ThreadState.WaitSleepJoin) == 0 && clock.Elapsed < s_bound)
            {
                Thread.Sleep(1);
            }

            // Give it time to pass the spin phase into the real wait (bounded, not a timing assertion).
            Thread.Sleep(100);
        }

        Assert.True(waiter.Join(s_bound), "the waiting thread did not finish");
    }
}
