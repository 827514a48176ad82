using Workbook.Threads;

namespace Workbook.Tests.Threads;

public sealed class UnevenItemsTests
{
    [Fact]
    public void Create_SameSeed_SameSizes() =>
        Assert.Equal(UnevenItems.Create(24, seed: 7), UnevenItems.Create(24, seed: 7));

    [Fact]
    public void Create_DifferentSeeds_DifferentSizes() =>
        Assert.NotEqual(UnevenItems.Create(24, seed: 1).Select(i => i.Units), UnevenItems.Create(24, seed: 2).Select(i => i.Units));

    [Fact]
    public void Create_ManyItems_IndexedInOrderAndMostlySmallWithSomeLarge()
    {
        IReadOnlyList<CpuItem> items = UnevenItems.Create(4_000, seed: 3);

        Assert.Equal(Enumerable.Range(0, 4_000), items.Select(i => i.Index));
        Assert.All(items, i => Assert.True(i.Units is >= 2 and <= 10 or >= 20 and <= 40, $"{i} is outside both size bands"));
        int large = items.Count(i => i.Units >= 20);
        Assert.InRange(large, 800, 1_200);
    }

    [Fact]
    public void Create_ZeroItems_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => UnevenItems.Create(0));

    [Fact]
    public void Run_SameSize_SameChecksumAndOtherSizeDiffers()
    {
        Assert.Equal(new CpuItem(0, 1).Run(), new CpuItem(5, 1).Run());
        Assert.NotEqual(new CpuItem(0, 1).Run(), new CpuItem(0, 2).Run());
    }

    [Fact]
    public void ToString_ShowsIndexAndUnits() =>
        Assert.Equal("item 3 (12 units)", new CpuItem(3, 12).ToString());
}
