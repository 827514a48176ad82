namespace Workbook.Threads;

/// <summary>Makes batches of <see cref="CpuItem"/>s of uneven size: mostly small items and a few large ones, like real work.</summary>
/// <remarks>Pure: the same arguments always give the same batch. Thread-safe.</remarks>
public static class UnevenItems
{
    /// <summary>A seeded batch: about three items in four are small (2-10 units), the rest large (20-40 units).</summary>
    /// <param name="count">How many items (at least 1).</param>
    /// <param name="seed">The random seed; the same seed gives the same sizes, so runs can be compared.</param>
    /// <returns>The items, indexed 0 to <paramref name="count"/> − 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public static IReadOnlyList<CpuItem> Create(int count = 24, int seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new Random(seed);
        var items = new CpuItem[count];
        for (int i = 0; i < count; i++)
        {
            // A skewed mix: with equal sizes every scheduling strategy looks alike.
            int units = random.Next(4) == 0 ? random.Next(20, 41) : random.Next(2, 11);
            items[i] = new CpuItem(i, units);
        }

        return items;
    }
}
