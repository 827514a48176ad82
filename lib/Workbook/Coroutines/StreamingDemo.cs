using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Workbook.Measurement;

namespace Workbook.Coroutines;

/// <summary>
/// Shows that <c>await foreach</c> is pull-based: an async iterator makes the next item only when
/// the consumer asks for it, so producer and consumer take turns and their times add up. Putting
/// a bounded channel between them lets the producer run ahead, so their work overlaps.
/// </summary>
/// <remarks>
/// Stateless; calls may run concurrently. Producing and consuming are simulated with
/// <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> (I/O-like waiting, no CPU).
/// Cancelling the token stops both sides with <see cref="OperationCanceledException"/>; the
/// buffered producer is always awaited before the method returns or throws, so nothing keeps running.
/// </remarks>
public static class StreamingDemo
{
    /// <summary>The consumer pulls items straight from an async iterator with <c>await foreach</c>.</summary>
    /// <param name="items">How many items; at least 1.</param>
    /// <param name="produceTime">How long making one item takes.</param>
    /// <param name="consumeTime">How long using one item takes.</param>
    /// <param name="timeProvider">The clock for delays and spans; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The items received, the elapsed time and the busy spans (lanes "pull: make", "pull: use").</returns>
    public static async Task<StreamingRun> PullAsync(
        int items,
        TimeSpan produceTime,
        TimeSpan consumeTime,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        Validate(items, produceTime, consumeTime);
        TimeProvider clock = timeProvider ?? TimeProvider.System;
        var recorder = new ActivityRecorder(clock);
        const string Name = "pull";
        var received = new List<int>(items);
        await foreach (int item in Produce(items, produceTime, recorder, $"{Name}: make", clock)
            .WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            using (recorder.Record($"use item {item}", $"{Name}: use"))
            {
                await Task.Delay(consumeTime, clock, cancellationToken).ConfigureAwait(false);
            }

            received.Add(item);
        }

        return new StreamingRun(Name, received, recorder.Elapsed, recorder.Spans);
    }

    /// <summary>A producer task fills a bounded channel while the consumer reads from it.</summary>
    /// <param name="items">How many items; at least 1.</param>
    /// <param name="produceTime">How long making one item takes.</param>
    /// <param name="consumeTime">How long using one item takes.</param>
    /// <param name="capacity">How many items the channel holds before the producer must wait; at least 1.</param>
    /// <param name="timeProvider">The clock for delays and spans; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The items received, the elapsed time and the busy spans (lanes "buffered: make", "buffered: use").</returns>
    public static async Task<StreamingRun> BufferedAsync(
        int items,
        TimeSpan produceTime,
        TimeSpan consumeTime,
        int capacity = 4,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        Validate(items, produceTime, consumeTime);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        TimeProvider clock = timeProvider ?? TimeProvider.System;
        var recorder = new ActivityRecorder(clock);
        const string Name = "buffered";
        var channel = Channel.CreateBounded<int>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task producer = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (int item in Produce(items, produceTime, recorder, $"{Name}: make", clock)
                        .WithCancellation(stop.Token).ConfigureAwait(false))
                    {
                        await channel.Writer.WriteAsync(item, stop.Token).ConfigureAwait(false);
                    }

                    channel.Writer.TryComplete();
                }
                catch (Exception error)
                {
                    channel.Writer.TryComplete(error);
                }
            },
            CancellationToken.None);

        var received = new List<int>(items);
        try
        {
            await foreach (int item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                using (recorder.Record($"use item {item}", $"{Name}: use"))
                {
                    await Task.Delay(consumeTime, clock, cancellationToken).ConfigureAwait(false);
                }

                received.Add(item);
            }
        }
        finally
        {
            // Whatever happened to the consumer, stop the producer and wait for it: it must not outlive the call.
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }

        return new StreamingRun(Name, received, recorder.Elapsed, recorder.Spans);
    }

    private static async IAsyncEnumerable<int> Produce(
        int items,
        TimeSpan produceTime,
        ActivityRecorder recorder,
        string lane,
        TimeProvider clock,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (int i = 0; i < items; i++)
        {
            using (recorder.Record($"make item {i}", lane))
            {
                await Task.Delay(produceTime, clock, cancellationToken).ConfigureAwait(false);
            }

            // Suspends here until the consumer asks for the next item: nothing is made in advance.
            yield return i;
        }
    }

    private static void Validate(int items, TimeSpan produceTime, TimeSpan consumeTime)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(produceTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(consumeTime, TimeSpan.Zero);
    }
}
