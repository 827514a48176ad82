using System.Threading.Channels;

namespace Workbook.Queues;

/// <summary>What a bounded channel did with writes that arrived while it was full.</summary>
/// <param name="Mode">The channel's <see cref="BoundedChannelFullMode"/>.</param>
/// <param name="Capacity">The channel's capacity.</param>
/// <param name="Kept">Items still in the channel afterwards, in reading order.</param>
/// <param name="Dropped">Items the channel threw away (reported by its itemDropped callback), in drop order.</param>
/// <param name="Rejected">Items whose <c>TryWrite</c> returned false (only in <see cref="BoundedChannelFullMode.Wait"/>).</param>
public sealed record FullModeOutcome(
    BoundedChannelFullMode Mode,
    int Capacity,
    IReadOnlyList<int> Kept,
    IReadOnlyList<int> Dropped,
    IReadOnlyList<int> Rejected)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Mode,-10} capacity {Capacity}: kept [{string.Join(", ", Kept)}], " +
        $"dropped [{string.Join(", ", Dropped)}], rejected [{string.Join(", ", Rejected)}]";
}
