using Workbook.Async;

namespace Workbook.Tests.Async;

public sealed class FanOutTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TasksAsync_ThousandWaits_AllCountedAndMemoryMeasured()
    {
        FanOutResult result = await FanOut.TasksAsync(1_000, TimeSpan.FromMilliseconds(5)).WaitAsync(Bound);

        Assert.Equal(FanOutKind.Tasks, result.Kind);
        Assert.Equal(1_000, result.Operations);
        Assert.InRange(result.PendingAtSample, 0, 1_000);
        Assert.True(result.AllocatedBytes > 0, "creating 1,000 async operations allocates");
        Assert.True(result.Elapsed >= result.Setup);
        Assert.True(result.ProcessThreads > 0);
    }

    [Fact]
    public void Threads_FiftyThreads_EveryPendingWaitIsAThreadOfTheProcess()
    {
        FanOutResult result = FanOut.Threads(50, TimeSpan.FromMilliseconds(5));

        Assert.Equal(FanOutKind.Threads, result.Kind);
        Assert.Equal(50, result.Operations);
        Assert.InRange(result.PendingAtSample, 0, 50);
        Assert.True(result.ProcessThreads >= result.PendingAtSample);
        Assert.True(result.Elapsed >= result.Setup);
    }

    [Fact]
    public void Threads_AboveTheCap_ThrowsNamingTheTaskAlternative()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FanOut.Threads(FanOut.MaxThreads + 1));

        Assert.Contains("FanOut.TasksAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TasksAsync_BadArguments_Throw()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => FanOut.TasksAsync(0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => FanOut.TasksAsync(1, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => FanOut.Threads(0));
    }

    [Fact]
    public async Task TasksAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FanOut.TasksAsync(100, TimeSpan.FromHours(1), cts.Token).WaitAsync(Bound));
    }

    [Fact]
    public void Result_DerivedFigures_DividedByTheRightCounts()
    {
        var result = new FanOutResult(FanOutKind.Threads, 100, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250),
            PendingAtSample: 80, AllocatedBytes: 20_000, HeapBytes: 16_000, WorkingSetBytes: 1_600_000, VirtualBytes: -8, ProcessThreads: 90);

        Assert.Equal(2.5, result.RelativeToOneWait, 9);
        Assert.Equal(200, result.AllocatedBytesPerOperation, 9);
        Assert.Equal(200, result.HeapBytesPerPending, 9);
        Assert.Equal(20_000, result.WorkingSetBytesPerPending, 9);
        Assert.Equal(0, result.VirtualBytesPerPending, 9);
        Assert.Equal(20_000, result.BytesPerPending, 9);
        Assert.Contains("Threads: 100 waits of 100 ms in 250 ms (2.5× one wait", result.ToString(), StringComparison.Ordinal);
        Assert.Contains("19.5 KB working set", result.ToString(), StringComparison.Ordinal);
    }
}
