using Workbook.Tuning;

namespace Workbook.Tests.Tuning;

// Measures the live heap with full collections: run alone so other tests' garbage does not count.
[Collection(TuningCollection.Name)]
public sealed class CacheGrowthTests
{
    [Fact]
    public void Measure_MoreKeysThanTheLimit_BoundedStaysWithinItsLimitUnboundedKeepsAll()
    {
        var points = CacheGrowth.Measure(keys: 20_000, valueBytes: 256, step: 5_000, sizeLimit: 2_000);

        Assert.Equal([5_000, 10_000, 15_000, 20_000], points.Select(p => p.KeysInserted));
        Assert.Equal([5_000, 10_000, 15_000, 20_000], points.Select(p => p.UnboundedEntries));
        Assert.All(points, p => Assert.InRange(p.BoundedEntries, 1, 2_000));

        // 20,000 values of 256 bytes are at least 5 MB however the heap is laid out.
        Assert.True(points[^1].UnboundedMegabytes >= 20_000 * 256 / 1048576.0, $"{points[^1].UnboundedMegabytes:0.0} MB");
    }

    [Fact]
    public void Measure_StepLargerThanKeys_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CacheGrowth.Measure(keys: 10, step: 100));
}
