using Workbook.Async;
using Workbook.Processes;

namespace Workbook.Tests.Async;

public sealed class WorkKindsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CompareAsync_TwoOperations_SixBatchesIoFirstInStyleOrder()
    {
        IReadOnlyList<WorkKindResult> results = await WorkKinds.CompareAsync(2, TimeSpan.FromMilliseconds(2), rounds: 2).WaitAsync(Bound);

        WorkStyle[] styles = Enum.GetValues<WorkStyle>();
        Assert.Equal(
            styles.Select(s => (WorkKinds.IoWait, s)).Concat(styles.Select(s => (WorkKinds.CpuWork, s))),
            results.Select(r => (r.Work, r.Style)));
        Assert.All(results, r => Assert.Equal(2, r.Operations));
        Assert.All(results, r => Assert.True(r.Elapsed > TimeSpan.Zero));
    }

    [Fact]
    public async Task CompareAsync_BadArguments_Throw()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => WorkKinds.CompareAsync(0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => WorkKinds.CompareAsync(1, TimeSpan.FromMicroseconds(10)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => WorkKinds.CompareAsync(1, rounds: 0));
    }

    [Fact]
    public void CpuBurn_Calibrated_RunsExactlyItsIterations()
    {
        CpuBurn burn = CpuBurn.Calibrate(TimeSpan.FromMilliseconds(2));

        Assert.True(burn.Iterations > 0);
        Assert.Equal(CpuWork.Spin(burn.Iterations), burn.Run());
        Assert.Contains("about 2 ms on one core", burn.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CpuBurn_Cancelled_Throws()
    {
        CpuBurn burn = CpuBurn.Calibrate(TimeSpan.FromMilliseconds(5));

        Assert.ThrowsAny<OperationCanceledException>(() => burn.Run(new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Result_RelativeToOne_ElapsedOverEach()
    {
        var result = new WorkKindResult(WorkKinds.IoWait, WorkStyle.WhenAll, 8, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(75), TimeSpan.FromMilliseconds(50));

        Assert.Equal(1.5, result.RelativeToOne, 9);
        Assert.Equal("I/O wait, WhenAll: 8 × 50 ms in 75 ms (1.5× one)", result.ToString());
    }
}
