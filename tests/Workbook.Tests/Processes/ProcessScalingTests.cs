using Workbook.Processes;

namespace Workbook.Tests.Processes;

[Collection(ProcessesCollection.Name)]
public sealed class ProcessScalingTests
{
    private static readonly IReadOnlyList<WorkItem> Items = WorkItem.CountPrimesInChunks(0, 60_000, 6);

    [Fact]
    public void MeasureThreads_SeveralThreads_TotalIsTheExactPrimeCount()
    {
        ScalingPoint point = ProcessScaling.MeasureThreads(Items, 3, rounds: 2);

        Assert.Equal((ScalingMode.Threads, 3, 6), (point.Mode, point.Workers, point.Items));
        Assert.Equal(Primes.Count(0, 60_000), point.Total);
        Assert.Empty(point.ProcessIds);
    }

    [Fact]
    public async Task CompareAsync_UpToTwoWorkers_SameTotalEverywhereAndNoProcessLeft()
    {
        IReadOnlyList<ScalingPoint> points = await ProcessScaling.CompareAsync(Items, maxWorkers: 2).Within();

        Assert.Equal(
            [(ScalingMode.Processes, 1), (ScalingMode.Threads, 1), (ScalingMode.Processes, 2), (ScalingMode.Threads, 2)],
            points.Select(p => (p.Mode, p.Workers)));
        Assert.All(points, p => Assert.Equal(Primes.Count(0, 60_000), p.Total));
        Assert.Single(points[0].ProcessIds);
        Assert.Equal(2, points[2].ProcessIds.Count);
        Assert.All(points.SelectMany(p => p.ProcessIds), pid => Assert.False(ChildProcesses.IsAlive(pid)));
        Assert.Empty(ChildProcesses.MarkedAsChildrenOfThisProcess());
    }

    [Fact]
    public void MeasureThreads_CrashItem_ThrowsBecauseItWouldKillThisProcess()
    {
        var error = Assert.Throws<ArgumentException>(() => ProcessScaling.MeasureThreads([WorkItem.Echo("x"), WorkItem.Crash()], 1));

        Assert.Contains("index 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_EmptyItemsOrNoWorkers_Throws()
    {
        Assert.Throws<ArgumentException>(() => ProcessScaling.MeasureThreads([], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessScaling.MeasureThreads(Items, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessScaling.MeasureThreads(Items, 1, rounds: 0));
        Bounded.ThrowsBeforeReturning<ArgumentOutOfRangeException>(() => ProcessScaling.CompareAsync(Items, maxWorkers: 0));
        Bounded.ThrowsBeforeReturning<ArgumentOutOfRangeException>(() => ProcessScaling.CompareAsync(Items, rounds: 0));
        Bounded.ThrowsBeforeReturning<ArgumentOutOfRangeException>(() => ProcessScaling.MeasureProcessesAsync(Items, 1, rounds: 0));
        Bounded.ThrowsBeforeReturning<ArgumentException>(() => ProcessScaling.MeasureProcessesAsync([null!], 1));
    }

    [Fact]
    public void ItemsPerSecond_KnownElapsed_IsItemsOverSeconds()
    {
        var point = new ScalingPoint(ScalingMode.Processes, 2, 10, 7, TimeSpan.FromMilliseconds(500), [1, 2]);

        Assert.Equal(20.0, point.ItemsPerSecond, 9);
        Assert.StartsWith("2 process(es): 10 items in 500 ms = 20.0 items/s", point.ToString(), StringComparison.Ordinal);
    }
}
