using System.Threading.Channels;

namespace Workbook.Queues;

/// <summary>
/// Shows, deterministically, which items each <see cref="BoundedChannelFullMode"/> keeps,
/// drops or rejects when nobody is reading.
/// </summary>
public static class FullModeDemo
{
    /// <summary>
    /// Writes 1..<paramref name="items"/> with <c>TryWrite</c> into a bounded channel that has
    /// no reader, then reads back what is left.
    /// </summary>
    /// <param name="mode">What the channel does when full.</param>
    /// <param name="capacity">How many items the channel buffers.</param>
    /// <param name="items">How many items to write (more than <paramref name="capacity"/> to see the effect).</param>
    /// <returns>The kept, dropped and rejected items.</returns>
    /// <remarks>Single-threaded and synchronous, so the outcome is the same on every run.</remarks>
    public static FullModeOutcome Fill(BoundedChannelFullMode mode, int capacity = 3, int items = 6)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegative(items);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown BoundedChannelFullMode.");
        }

        var dropped = new List<int>();
        var rejected = new List<int>();
        var channel = Channel.CreateBounded<int>(
            new BoundedChannelOptions(capacity) { FullMode = mode, SingleReader = true, SingleWriter = true },
            dropped.Add);

        for (var item = 1; item <= items; item++)
        {
            // In the Drop* modes TryWrite always succeeds: the channel makes room by discarding
            // something (reported to the callback). Only Wait refuses the write.
            if (!channel.Writer.TryWrite(item))
            {
                rejected.Add(item);
            }
        }

        channel.Writer.Complete();
        var kept = new List<int>();
        while (channel.Reader.TryRead(out var item))
        {
            kept.Add(item);
        }

        return new FullModeOutcome(mode, capacity, kept, dropped, rejected);
    }

    /// <summary>Runs <see cref="Fill"/> for every full mode, for a side-by-side table.</summary>
    /// <param name="capacity">How many items each channel buffers.</param>
    /// <param name="items">How many items to write into each channel.</param>
    /// <returns>One outcome per <see cref="BoundedChannelFullMode"/>.</returns>
    public static IReadOnlyList<FullModeOutcome> FillAll(int capacity = 3, int items = 6) =>
        Enum.GetValues<BoundedChannelFullMode>().Select(mode => Fill(mode, capacity, items)).ToArray();
}
