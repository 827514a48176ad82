using System.Threading.Channels;

namespace Workbook.Queues;

/// <summary>Settings for <see cref="ProducerConsumer.RunAsync"/>.</summary>
public sealed record ProducerConsumerOptions
{
    /// <summary>Number of concurrent producers (default 2).</summary>
    public int Producers { get; init; } = 2;

    /// <summary>Number of concurrent consumers (default 2).</summary>
    public int Consumers { get; init; } = 2;

    /// <summary>Items each producer writes (default 1,000). Items are numbered 1..Producers*ItemsPerProducer.</summary>
    public int ItemsPerProducer { get; init; } = 1_000;

    /// <summary>How many items the channel buffers before it is "full" (default 10).</summary>
    public int Capacity { get; init; } = 10;

    /// <summary>What a write does when the channel is full (default: wait, i.e. backpressure).</summary>
    public BoundedChannelFullMode FullMode { get; init; } = BoundedChannelFullMode.Wait;

    /// <summary>Simulated work per item on the producer side (default none).</summary>
    public TimeSpan ProducerDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Simulated work per item on the consumer side (default none); make it larger than
    /// <see cref="ProducerDelay"/> to see the channel fill up.</summary>
    public TimeSpan ConsumerDelay { get; init; } = TimeSpan.Zero;

    /// <summary>How often the queue depth is sampled (default 5 ms).</summary>
    public TimeSpan SampleEvery { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Clock for delays, sampling and elapsed time (default the system clock).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Producers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Consumers);
        ArgumentOutOfRangeException.ThrowIfNegative(ItemsPerProducer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Capacity);
        ArgumentOutOfRangeException.ThrowIfLessThan(ProducerDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(ConsumerDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SampleEvery, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (!Enum.IsDefined(FullMode))
        {
            throw new ArgumentOutOfRangeException(nameof(FullMode), FullMode, "Unknown BoundedChannelFullMode.");
        }
    }
}
