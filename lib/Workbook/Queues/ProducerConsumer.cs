using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Workbook.Queues;

/// <summary>
/// Runs P producers and C consumers over one bounded channel and reports what happened:
/// how many items went in and came out, which ones the channel dropped, and how full it was.
/// </summary>
public static class ProducerConsumer
{
    /// <summary>Runs one producer/consumer session to completion.</summary>
    /// <param name="options">Counts, capacity, full mode and simulated work; defaults when null.</param>
    /// <param name="cancellationToken">Stops producers and consumers early; the task then throws
    /// <see cref="OperationCanceledException"/>.</param>
    /// <returns>Produced/consumed/dropped items and queue depth over time.</returns>
    /// <remarks>
    /// Shutdown is graceful: when every producer has finished, the writer is completed and the
    /// consumers drain whatever is still buffered before they stop, so in
    /// <see cref="BoundedChannelFullMode.Wait"/> mode nothing is lost. In the Drop* modes every
    /// discarded item is captured through the channel's itemDropped callback, so
    /// <c>Produced == Consumed + Dropped</c> always holds.
    /// </remarks>
    public static async Task<ProducerConsumerReport> RunAsync(
        ProducerConsumerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new ProducerConsumerOptions();
        options.Validate();
        var time = options.TimeProvider;

        // The callback can run on several producer threads at once, hence a concurrent collection.
        var dropped = new ConcurrentQueue<int>();
        var channel = Channel.CreateBounded<int>(
            new BoundedChannelOptions(options.Capacity)
            {
                FullMode = options.FullMode,
                SingleWriter = options.Producers == 1,
                SingleReader = options.Consumers == 1,
            },
            dropped.Enqueue);

        var consumed = new ConcurrentQueue<int>();
        var produced = 0;
        var sampler = new PeriodicSampler(time, options.SampleEvery, () => channel.Reader.Count);

        var producers = Enumerable.Range(0, options.Producers)
            .Select(p => Task.Run(() => ProduceAsync(p), cancellationToken))
            .ToArray();
        var consumers = Enumerable.Range(0, options.Consumers)
            .Select(_ => Task.Run(ConsumeAsync, cancellationToken))
            .ToArray();

        IReadOnlyList<(TimeSpan At, long Value)>[] series;
        try
        {
            try
            {
                await Task.WhenAll(producers).ConfigureAwait(false);
            }
            finally
            {
                // Completing the writer is what lets the consumers' read loops end once the
                // buffer is empty; without it they would wait for more items forever.
                channel.Writer.TryComplete();
            }

            await Task.WhenAll(consumers).ConfigureAwait(false);
        }
        finally
        {
            // Sampling must end with the run, whether it succeeded or not.
            series = await sampler.StopAsync().ConfigureAwait(false);
        }

        var depth = series[0].Select(s => new DepthSample(s.At, (int)s.Value)).ToArray();
        return new ProducerConsumerReport(
            options.FullMode,
            options.Capacity,
            produced,
            consumed.ToArray(),
            dropped.ToArray(),
            depth,
            sampler.Elapsed);

        async Task ProduceAsync(int producer)
        {
            var first = producer * options.ItemsPerProducer + 1;
            for (var item = first; item < first + options.ItemsPerProducer; item++)
            {
                if (options.ProducerDelay > TimeSpan.Zero)
                {
                    await Task.Delay(options.ProducerDelay, time, cancellationToken).ConfigureAwait(false);
                }

                // In Wait mode this is where backpressure happens: the producer is parked until a
                // consumer makes room.
                await channel.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref produced);
            }
        }

        async Task ConsumeAsync()
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                consumed.Enqueue(item);
                if (options.ConsumerDelay > TimeSpan.Zero)
                {
                    await Task.Delay(options.ConsumerDelay, time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
