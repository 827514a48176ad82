namespace Workbook.Queues;

/// <summary>
/// A clock that moves only when told to, so idle times in an <see cref="InProcessQueue"/> are exact
/// (the library's own small stand-in for a fake time provider, used by the 06.2 checker).
/// </summary>
/// <remarks>
/// Only timestamps are provided; timers are not (nothing in the checker waits on this clock).
/// Thread-safe: the time is read and advanced with Interlocked operations.
/// </remarks>
internal sealed class ManualClock : TimeProvider
{
    private long ticks;

    /// <summary>Time since the clock was created.</summary>
    public TimeSpan Now => TimeSpan.FromTicks(Interlocked.Read(ref ticks));

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => Interlocked.Read(ref ticks);

    /// <summary>Moves the clock forward.</summary>
    /// <param name="by">How far; must not be negative.</param>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref ticks, by.Ticks);
    }
}
