using Workbook.Async;

namespace Workbook.Tests.Async;

/// <summary>The starvation demo measures the process-wide thread pool, so these tests run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThreadPoolCollection
{
    public const string Name = "Process-wide thread pool";
}

[Collection(ThreadPoolCollection.Name)]
public sealed class StarvationDemoTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private static readonly StarvationOptions Quick = new() { Io = TimeSpan.FromMilliseconds(10), SampleEvery = TimeSpan.FromMilliseconds(5) };

    [Theory]
    [InlineData(RequestStyle.Async, 50)]
    [InlineData(RequestStyle.SyncOverAsync, 4)]
    public async Task RunAsync_SmallLoad_EveryRequestCompletesAndSamplesAreConsistent(RequestStyle style, int requests)
    {
        StarvationRun run = await StarvationDemo.RunAsync(style, requests, Quick).WaitAsync(Bound);

        Assert.Equal(style, run.Style);
        Assert.Equal(requests, run.Completed);
        Assert.False(run.GaveUp);
        Assert.NotEmpty(run.Samples);
        Assert.Equal(requests, run.Samples[^1].Completed);
        Assert.True(run.Samples.Zip(run.Samples.Skip(1)).All(p => p.First.Completed <= p.Second.Completed && p.First.At <= p.Second.At));
        Assert.Equal(run.Samples.Count, run.ThreadSeries().Count);
        Assert.Equal(run.Samples.Select(s => (double)s.PendingWorkItems), run.PendingSeries().Y);
        Assert.True(run.PeakThreads >= run.ThreadsAtStart);
        Assert.NotNull(run.FirstCompletion);
    }

    [Fact]
    public async Task RunAsync_TimeLimitPasses_GivesUpAndCancelsTheBlockedRequests()
    {
        var options = new StarvationOptions { Io = TimeSpan.FromHours(1), SampleEvery = TimeSpan.FromMilliseconds(5), GiveUpAfter = TimeSpan.FromMilliseconds(1) };

        StarvationRun run = await StarvationDemo.RunAsync(RequestStyle.SyncOverAsync, 3, options).WaitAsync(Bound);

        Assert.True(run.GaveUp);
        Assert.Equal(0, run.Completed);
        Assert.Null(run.FirstCompletion);
        Assert.Contains("GAVE UP", run.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CancelledToken_Throws()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => StarvationDemo.RunAsync(RequestStyle.Async, 3, Quick, new CancellationToken(canceled: true)).WaitAsync(Bound));
    }

    [Fact]
    public async Task RunAsync_BadArguments_Throw()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => StarvationDemo.RunAsync(RequestStyle.Async, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => StarvationDemo.RunAsync((RequestStyle)42, 1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => StarvationDemo.RunAsync(RequestStyle.Async, 1, new StarvationOptions { Io = TimeSpan.Zero }));
    }

    [Fact]
    public void Run_ToString_SummarisesThreadsAndFirstCompletion()
    {
        var run = new StarvationRun(RequestStyle.SyncOverAsync, 48, TimeSpan.FromMilliseconds(100), 2, 48, TimeSpan.FromSeconds(9.5), false,
            [new PoolSample(TimeSpan.Zero, 2, 46, 0), new PoolSample(TimeSpan.FromSeconds(9.4), 50, 0, 10), new PoolSample(TimeSpan.FromSeconds(9.5), 50, 0, 48)]);

        Assert.Equal(2, run.ThreadsAtStart);
        Assert.Equal(50, run.PeakThreads);
        Assert.Equal(TimeSpan.FromSeconds(9.4), run.FirstCompletion);
        Assert.Equal(95, run.RelativeToOneRequest, 9);
        Assert.Equal("SyncOverAsync: 48/48 requests of 100 ms in 9.50 s (95× one request); pool threads 2 → 50 (min 2); first finished at 9.40 s", run.ToString());
    }
}
