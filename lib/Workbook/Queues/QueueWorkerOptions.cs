namespace Workbook.Queues;

/// <summary>Settings for a <see cref="QueueWorker"/>.</summary>
public sealed record QueueWorkerOptions
{
    /// <summary>Most messages read (and acknowledged) at a time (default 50).</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>How long a message must sit unacknowledged before this worker takes it over
    /// from another consumer (default 1 s).</summary>
    public TimeSpan ReclaimIdle { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Pause when there was nothing to do (default 10 ms).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Clock for the idle pause (default the system clock).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(ReclaimIdle, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInterval, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
