using Microsoft.Extensions.Internal;

namespace Workbook.Tuning;

/// <summary>
/// Virtual time for simulations: a clock that moves only when told to. It is both a
/// <see cref="TimeProvider"/> and the <see cref="ISystemClock"/> that <c>MemoryCache</c> reads, so
/// a cache's expiry can be simulated over minutes of virtual time in milliseconds of real time.
/// </summary>
/// <remarks>
/// Thread-safe: the time is read and advanced atomically. Only the current time is provided; it
/// creates no timers. It never goes backwards.
/// </remarks>
internal sealed class SteppedClock : TimeProvider, ISystemClock
{
    private static readonly DateTimeOffset s_origin = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private long _ticks;

    /// <summary>Virtual time since the clock was created.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    /// <inheritdoc />
    public DateTimeOffset UtcNow => s_origin + Elapsed;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => UtcNow;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    /// <summary>Moves the clock to <paramref name="elapsed"/> since its creation.</summary>
    /// <param name="elapsed">The new time; not earlier than the current one.</param>
    /// <exception cref="ArgumentOutOfRangeException">The clock would go backwards.</exception>
    public void MoveTo(TimeSpan elapsed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(elapsed, Elapsed);
        Interlocked.Exchange(ref _ticks, elapsed.Ticks);
    }
}
