using System.Threading.Channels;
using Workbook.Queues;

namespace Workbook.Tests.Queues;

public class FullModeDemoTests
{
    // Expected values were established by running the scenario against System.Threading.Channels,
    // not by reading documentation: DropNewest discards the newest *buffered* item, not the new one.
    [Theory]
    [InlineData(BoundedChannelFullMode.Wait, new[] { 1, 2, 3 }, new int[0], new[] { 4, 5, 6 })]
    [InlineData(BoundedChannelFullMode.DropOldest, new[] { 4, 5, 6 }, new[] { 1, 2, 3 }, new int[0])]
    [InlineData(BoundedChannelFullMode.DropNewest, new[] { 1, 2, 6 }, new[] { 3, 4, 5 }, new int[0])]
    [InlineData(BoundedChannelFullMode.DropWrite, new[] { 1, 2, 3 }, new[] { 4, 5, 6 }, new int[0])]
    public void Fill_CapacityThreeSixWrites_KeepsDropsAndRejectsExactly(
        BoundedChannelFullMode mode, int[] kept, int[] dropped, int[] rejected)
    {
        var outcome = FullModeDemo.Fill(mode, capacity: 3, items: 6);

        Assert.Equal(kept, outcome.Kept);
        Assert.Equal(dropped, outcome.Dropped);
        Assert.Equal(rejected, outcome.Rejected);
    }

    [Fact]
    public void FillAll_AnyMode_AccountsForEveryItemExactlyOnce()
    {
        foreach (var outcome in FullModeDemo.FillAll(capacity: 4, items: 11))
        {
            var all = outcome.Kept.Concat(outcome.Dropped).Concat(outcome.Rejected).Order();
            Assert.Equal(Enumerable.Range(1, 11), all);
            Assert.Equal(4, outcome.Kept.Count);
        }
    }

    [Fact]
    public void Fill_ZeroCapacity_ThrowsNamingCapacity()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => FullModeDemo.Fill(BoundedChannelFullMode.Wait, capacity: 0));
        Assert.Equal("capacity", ex.ParamName);
    }
}
