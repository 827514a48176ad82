using System.Threading.Channels;

namespace Workbook.Queues;

/// <summary>The outcome of one <see cref="ProducerConsumer.RunAsync"/> run.</summary>
/// <param name="FullMode">The channel's full mode.</param>
/// <param name="Capacity">The channel's capacity.</param>
/// <param name="Produced">Write calls the producers made.</param>
/// <param name="ConsumedItems">Items the consumers received, in the order they were taken.</param>
/// <param name="DroppedItems">Items the channel discarded (empty in <see cref="BoundedChannelFullMode.Wait"/>).</param>
/// <param name="Depth">Items waiting in the channel over time.</param>
/// <param name="Elapsed">Wall time of the run.</param>
public sealed record ProducerConsumerReport(
    BoundedChannelFullMode FullMode,
    int Capacity,
    int Produced,
    IReadOnlyList<int> ConsumedItems,
    IReadOnlyList<int> DroppedItems,
    IReadOnlyList<DepthSample> Depth,
    TimeSpan Elapsed)
{
    /// <summary>Number of items the consumers received.</summary>
    public int Consumed => ConsumedItems.Count;

    /// <summary>Number of items the channel discarded.</summary>
    public int Dropped => DroppedItems.Count;

    /// <summary>The deepest the channel was seen to be.</summary>
    public int MaxDepth => Depth.Count == 0 ? 0 : Depth.Max(s => s.Depth);

    /// <summary>True when every produced item was either consumed or reported as dropped.</summary>
    public bool Balanced => Produced == Consumed + Dropped;

    /// <inheritdoc />
    public override string ToString() =>
        $"{FullMode} (capacity {Capacity}): produced {Produced}, consumed {Consumed}, dropped {Dropped}, " +
        $"max depth {MaxDepth}, {Elapsed.TotalMilliseconds:0} ms";
}
