namespace Workbook.Queues;

/// <summary>Hand-off throughput of <c>BlockingCollection</c> and <c>Channel</c>, measured in the same run.</summary>
/// <param name="Items">Items handed from the producer to the consumer in each measurement.</param>
/// <param name="Capacity">Bound of both queues.</param>
/// <param name="BlockingCollectionPerSecond">Items per second through <c>BlockingCollection&lt;int&gt;</c> (two blocked threads).</param>
/// <param name="ChannelPerSecond">Items per second through a bounded <c>Channel&lt;int&gt;</c> (async producer and consumer).</param>
public sealed record HandOffReport(int Items, int Capacity, double BlockingCollectionPerSecond, double ChannelPerSecond)
{
    /// <summary>How many times faster the channel was (above 1 means the channel won).</summary>
    public double ChannelSpeedup => ChannelPerSecond / BlockingCollectionPerSecond;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Items:N0} items, capacity {Capacity}: BlockingCollection {BlockingCollectionPerSecond:N0}/s, " +
        $"Channel {ChannelPerSecond:N0}/s, channel speed-up x{ChannelSpeedup:0.00}";
}
