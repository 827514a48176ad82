namespace Workbook.Processes;

/// <summary>Settings for a <see cref="ProcessPool"/>; the defaults suit the notebooks.</summary>
public sealed record ProcessPoolOptions
{
    private readonly int _maxRetries = 1;
    private readonly TimeSpan _shutdownGrace = TimeSpan.FromSeconds(2);
    private readonly TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>
    /// How many more times an item is started after the worker running it dies (default 1).
    /// Each retry runs on a different worker process. 0 means fail at the first crash.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int MaxRetries
    {
        get => _maxRetries;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(MaxRetries));
            _maxRetries = value;
        }
    }

    /// <summary>How long <see cref="ProcessPool.DisposeAsync"/> lets workers exit cleanly after closing their stdin before killing them (default 2 s).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public TimeSpan ShutdownGrace
    {
        get => _shutdownGrace;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero, nameof(ShutdownGrace));
            _shutdownGrace = value;
        }
    }

    /// <summary>The clock for the activity timeline (default <see cref="TimeProvider.System"/>).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        init => _timeProvider = value ?? throw new ArgumentNullException(nameof(TimeProvider));
    }
}
