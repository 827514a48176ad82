using Workbook.Queues;

namespace Workbook.Tests.Queues;

public class HandOffTests
{
    [Fact]
    public async Task CompareAsync_SmallRun_ReportsBothRatesForTheSameItems()
    {
        // No speed assertion: only that both measurements ran to completion (each verifies its
        // own count and checksum and would throw otherwise).
        var report = await HandOff.CompareAsync(items: 50_000, capacity: 64, rounds: 2).Within();

        Assert.Equal(50_000, report.Items);
        Assert.True(report.BlockingCollectionPerSecond > 0);
        Assert.True(report.ChannelPerSecond > 0);
        Assert.Equal(report.ChannelPerSecond / report.BlockingCollectionPerSecond, report.ChannelSpeedup, 9);
    }

    [Fact]
    public async Task CompareAsync_ZeroItems_ThrowsNamingItems()
    {
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => HandOff.CompareAsync(items: 0).Within());
        Assert.Equal("items", ex.ParamName);
    }

    [Fact]
    public async Task CompareAsync_ZeroRounds_ThrowsNamingRounds()
    {
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => HandOff.CompareAsync(rounds: 0).Within());
        Assert.Equal("rounds", ex.ParamName);
    }
}
