using Workbook.Tuning;

namespace Workbook.Tests.Tuning;

public sealed class ExpiryTourTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RunAsync_ShortTtl_HitWhileFreshMissAfterExpiryFactoryOnce()
    {
        ExpiryTourResult tour = await ExpiryTour.RunAsync(TimeSpan.FromMilliseconds(50)).WaitAsync(s_bound);

        Assert.True(tour.HitWhileFresh);
        Assert.Equal(19.99m, tour.FreshValue);
        Assert.False(tour.HitAfterExpiry);
        Assert.Equal(1, tour.FactoryCalls);
        Assert.Equal(24.50m, tour.Created);
        Assert.Equal(24.50m, tour.ServedAgain);
        Assert.Contains("miss (expired)", tour.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(60_000)]
    public async Task RunAsync_TtlOutOfRange_Throws(int milliseconds) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ExpiryTour.RunAsync(TimeSpan.FromMilliseconds(milliseconds))).WaitAsync(s_bound);
}
