using System.Globalization;
using Workbook.Measurement;

namespace Workbook.Tuning;

/// <summary>Memory held by an unbounded and a size-limited cache after the same number of distinct keys.</summary>
/// <param name="KeysInserted">Distinct keys inserted so far.</param>
/// <param name="UnboundedEntries">Entries in the unbounded dictionary (every key ever seen).</param>
/// <param name="UnboundedMegabytes">Live heap the unbounded dictionary added, in MB (after a full collection).</param>
/// <param name="BoundedEntries">Entries in the size-limited <c>MemoryCache</c>.</param>
/// <param name="BoundedMegabytes">Live heap the size-limited cache added, in MB (after a full collection).</param>
public sealed record CacheGrowthPoint(
    int KeysInserted,
    int UnboundedEntries,
    double UnboundedMegabytes,
    int BoundedEntries,
    double BoundedMegabytes)
{
    /// <summary>One line with both caches' size.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{NumberText.Count(KeysInserted),8} keys: unbounded {NumberText.Count(UnboundedEntries),8} entries {UnboundedMegabytes,6:0.0} MB | "
        + $"bounded {NumberText.Count(BoundedEntries),6} entries {BoundedMegabytes,5:0.0} MB");
}
