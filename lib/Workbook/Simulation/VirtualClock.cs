namespace Workbook.Simulation;

/// <summary>
/// A <see cref="TimeProvider"/> that shows simulated time: it stands still until the simulator
/// moves it forward, so a policy's latency and decay arithmetic runs in virtual seconds.
/// </summary>
/// <remarks>
/// One virtual second is one mean service time of a speed-1 server. Timestamps tick at
/// <see cref="TimeSpan.TicksPerSecond"/> (100 ns resolution); <see cref="GetUtcNow"/> is
/// <see cref="Epoch"/> plus the virtual time. Timers are not supported: the simulator is the
/// only thing that moves time. Thread-safety: meant for the single-threaded simulator; reads
/// from other threads may see a slightly old time but never a torn one.
/// </remarks>
public sealed class VirtualClock : TimeProvider
{
    /// <summary>The wall-clock instant virtual time 0 corresponds to (2025-01-01T00:00:00Z).</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private double _seconds;

    /// <summary>The current virtual time in seconds since the start of the run.</summary>
    public double Now => Volatile.Read(ref _seconds);

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves virtual time forward to <paramref name="seconds"/>.</summary>
    /// <param name="seconds">The new time; must not be earlier than <see cref="Now"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">Time would go backwards.</exception>
    public void AdvanceTo(double seconds)
    {
        if (!(seconds >= _seconds))
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, $"Virtual time cannot go backwards from {_seconds}.");
        }

        Volatile.Write(ref _seconds, seconds);
    }

    /// <inheritdoc />
    public override long GetTimestamp() => (long)(Now * TimeSpan.TicksPerSecond);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Epoch.AddTicks(GetTimestamp());

    /// <summary>Not supported: nothing fires in virtual time except the simulator's own events.</summary>
    /// <param name="callback">Ignored.</param>
    /// <param name="state">Ignored.</param>
    /// <param name="dueTime">Ignored.</param>
    /// <param name="period">Ignored.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("The virtual clock has no timers; only the simulator advances it.");

    /// <inheritdoc />
    public override string ToString() => $"virtual t = {Now:0.###} s";
}
