using Workbook.Async;

namespace Workbook.Tests.Async;

public sealed class ThrottlingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(ThrottleMethod.SemaphoreSlim, 1)]
    [InlineData(ThrottleMethod.SemaphoreSlim, 7)]
    [InlineData(ThrottleMethod.ParallelForEachAsync, 1)]
    [InlineData(ThrottleMethod.ParallelForEachAsync, 7)]
    public async Task RunAsync_Limit_EveryDownloadCompletesAndPeakNeverExceedsTheLimit(ThrottleMethod method, int limit)
    {
        ThrottleResult result = await Throttling.RunAsync(method, 40, limit, TimeSpan.FromMilliseconds(1)).WaitAsync(Bound);

        Assert.Equal(40, result.Completed);
        Assert.InRange(result.PeakInFlight, 1, limit);
        Assert.Equal(limit, result.Limit);
    }

    [Fact]
    public async Task RunAsync_Unlimited_ReportsTheDownloadCountAsItsLimit()
    {
        ThrottleResult result = await Throttling.RunAsync(ThrottleMethod.Unlimited, 30, 1, TimeSpan.FromMilliseconds(1)).WaitAsync(Bound);

        Assert.Equal(30, result.Completed);
        Assert.Equal(30, result.Limit);
        Assert.InRange(result.PeakInFlight, 1, 30);
    }

    [Fact]
    public async Task SweepAsync_Limits_OneResultPerLimitInOrder()
    {
        IReadOnlyList<ThrottleResult> results = await Throttling.SweepAsync(
            ThrottleMethod.SemaphoreSlim, 12, [1, 4, 12], TimeSpan.FromMilliseconds(1)).WaitAsync(Bound);

        Assert.Equal([1, 4, 12], results.Select(r => r.Limit));
        Assert.All(results, r => Assert.Equal(12, r.Completed));
    }

    [Fact]
    public async Task RunAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Throttling.RunAsync(ThrottleMethod.SemaphoreSlim, 10, 2, TimeSpan.FromHours(1), cts.Token).WaitAsync(Bound));
    }

    [Fact]
    public async Task RunAsync_BadArguments_Throw()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Throttling.RunAsync(ThrottleMethod.SemaphoreSlim, 0, 1, TimeSpan.FromMilliseconds(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Throttling.RunAsync(ThrottleMethod.SemaphoreSlim, 1, 0, TimeSpan.FromMilliseconds(1)));
        await Assert.ThrowsAsync<ArgumentException>(() => Throttling.SweepAsync(ThrottleMethod.SemaphoreSlim, 1, [], TimeSpan.FromMilliseconds(1)));
    }

    [Theory]
    [InlineData(10, 3, 80)]
    [InlineData(10, 10, 20)]
    [InlineData(10, 1, 200)]
    [InlineData(10, 50, 20)]
    public void Ideal_DownloadsAndLimit_IsRoundsTimesLatency(int downloads, int limit, int idealMs)
    {
        var result = new ThrottleResult(ThrottleMethod.SemaphoreSlim, downloads, limit, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(2 * idealMs), limit, downloads);

        Assert.Equal(TimeSpan.FromMilliseconds(idealMs), result.Ideal);
        Assert.Equal(2.0, result.OfIdeal, 9);
    }
}
