namespace Workbook.Queues;

/// <summary>Settings for running a pipeline built with <see cref="Pipeline.Create{T}"/>.</summary>
public sealed record PipelineOptions
{
    /// <summary>How often each stage's queue depth is sampled (default 10 ms).</summary>
    public TimeSpan SampleEvery { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Clock for sampling and elapsed time (default the system clock).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SampleEvery, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
