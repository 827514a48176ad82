namespace Workbook.Queues;

/// <summary>Settings for <see cref="CrashRecoveryScenario.RunAsync"/>.</summary>
public sealed record CrashRecoveryOptions
{
    /// <summary>Messages to publish before the consumers start (default 10,000).</summary>
    public int Messages { get; init; } = 10_000;

    /// <summary>Messages each consumer reads at a time (default 50).</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>Consumer A crashes while holding its batch number <c>CrashInBatch</c> (default 3);
    /// the batches before it are processed and acknowledged normally.</summary>
    public int CrashInBatch { get; init; } = 3;

    /// <summary>How many messages of that last batch A processes before crashing, without acknowledging
    /// any of them (default 20). These come back to B as duplicates.</summary>
    public int HandledBeforeCrash { get; init; } = 20;

    /// <summary>How long A's messages must sit unacknowledged before B reclaims them (default 250 ms).</summary>
    public TimeSpan ReclaimIdle { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>B's pause when idle, and how often completion is checked (default 5 ms).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>How often per-consumer progress is sampled for the chart (default 20 ms).</summary>
    public TimeSpan SampleEvery { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Stop waiting when nothing has changed for this long, and report what is missing (default 20 s).</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Clock for pauses, sampling and elapsed time (default the system clock; Redis measures idle time itself).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CrashInBatch);
        ArgumentOutOfRangeException.ThrowIfNegative(HandledBeforeCrash);
        if (HandledBeforeCrash >= BatchSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(HandledBeforeCrash), HandledBeforeCrash, $"Must be smaller than BatchSize ({BatchSize}) so the crash happens mid-batch.");
        }

        if (Messages < BatchSize * CrashInBatch)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Messages), Messages, $"Need at least BatchSize x CrashInBatch = {BatchSize * CrashInBatch} messages for consumer A to reach its crash.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(ReclaimIdle, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SampleEvery, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(GiveUpAfter, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
