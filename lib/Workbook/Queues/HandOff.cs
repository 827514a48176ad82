using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;

namespace Workbook.Queues;

/// <summary>
/// Measures how fast one producer can hand items to one consumer through a
/// <see cref="BlockingCollection{T}"/> and through a <see cref="Channel{T}"/>, side by side.
/// </summary>
public static class HandOff
{
    /// <summary>Warms both queues up, then times them in alternating rounds and keeps each one's best round.</summary>
    /// <param name="items">Items to hand off in each measurement (default 1,000,000).</param>
    /// <param name="capacity">Bound of both queues (default 1,024).</param>
    /// <param name="rounds">Measurements per queue, alternating (default 3); the fastest of each counts.</param>
    /// <param name="cancellationToken">Stops the measurement.</param>
    /// <returns>Items per second for each queue.</returns>
    /// <remarks>
    /// Each measurement checks that every item arrived exactly once (by count and checksum) and
    /// throws <see cref="InvalidOperationException"/> if not. Timings are wall-clock and vary with
    /// machine load; compare the two numbers from the same run, not across runs. Taking the best
    /// round filters out rounds disturbed by other work on the machine.
    /// </remarks>
    public static async Task<HandOffReport> CompareAsync(
        int items = 1_000_000,
        int capacity = 1_024,
        int rounds = 3,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(items);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);

        // A generous warm-up lets the JIT promote both loops to optimised code, so the first
        // measured round is not billed for compilation.
        var warmUp = Math.Min(items, 200_000);
        await MeasureBlockingCollectionAsync(warmUp, capacity, cancellationToken).ConfigureAwait(false);
        await MeasureChannelAsync(warmUp, capacity, cancellationToken).ConfigureAwait(false);

        var blocking = TimeSpan.MaxValue;
        var channel = TimeSpan.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            var b = await MeasureBlockingCollectionAsync(items, capacity, cancellationToken).ConfigureAwait(false);
            var c = await MeasureChannelAsync(items, capacity, cancellationToken).ConfigureAwait(false);
            blocking = b < blocking ? b : blocking;
            channel = c < channel ? c : channel;
        }

        return new HandOffReport(items, capacity, items / blocking.TotalSeconds, items / channel.TotalSeconds);
    }

    private static async Task<TimeSpan> MeasureBlockingCollectionAsync(int items, int capacity, CancellationToken cancellationToken)
    {
        using var queue = new BlockingCollection<int>(capacity);
        var clock = Stopwatch.StartNew();
        // LongRunning gives each side its own thread: BlockingCollection blocks the thread while
        // waiting, and blocking two pool threads would skew the measurement.
        var producer = Task.Factory.StartNew(
            () =>
            {
                for (var i = 1; i <= items; i++)
                {
                    queue.Add(i, cancellationToken);
                }

                queue.CompleteAdding();
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        var consumer = Task.Factory.StartNew(
            () =>
            {
                long count = 0, sum = 0;
                foreach (var item in queue.GetConsumingEnumerable(cancellationToken))
                {
                    count++;
                    sum += item;
                }

                return (count, sum);
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        await producer.ConfigureAwait(false);
        var (received, checksum) = await consumer.ConfigureAwait(false);
        clock.Stop();
        Verify("BlockingCollection", items, received, checksum);
        return clock.Elapsed;
    }

    private static async Task<TimeSpan> MeasureChannelAsync(int items, int capacity, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<int>(
            new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        var clock = Stopwatch.StartNew();
        var producer = Task.Run(
            async () =>
            {
                for (var i = 1; i <= items; i++)
                {
                    // Try the synchronous path first; only await when the channel is full.
                    if (!channel.Writer.TryWrite(i))
                    {
                        await channel.Writer.WriteAsync(i, cancellationToken).ConfigureAwait(false);
                    }
                }

                channel.Writer.Complete();
            },
            cancellationToken);
        var consumer = Task.Run(
            async () =>
            {
                long count = 0, sum = 0;
                while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (channel.Reader.TryRead(out var item))
                    {
                        count++;
                        sum += item;
                    }
                }

                return (count, sum);
            },
            cancellationToken);
        await producer.ConfigureAwait(false);
        var (received, checksum) = await consumer.ConfigureAwait(false);
        clock.Stop();
        Verify("Channel", items, received, checksum);
        return clock.Elapsed;
    }

    private static void Verify(string queue, int items, long received, long checksum)
    {
        var expected = (long)items * (items + 1) / 2;
        if (received != items || checksum != expected)
        {
            throw new InvalidOperationException(
                $"{queue} hand-off lost or duplicated items: received {received} of {items}, checksum {checksum} instead of {expected}.");
        }
    }
}
