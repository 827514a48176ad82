using Workbook.Measurement;

namespace Workbook.Coroutines;

/// <summary>
/// What it costs to pass control between two OS threads: one thread wakes the other and then
/// blocks until it is woken back, again and again. The counterpart of a coroutine switch, which
/// is a method call on one thread.
/// </summary>
/// <remarks>
/// Stateless; each call starts and joins its own partner thread (a background thread, so it can
/// never keep the process alive). Every wait is bounded: a partner that stops answering ends the
/// measurement with <see cref="TimeoutException"/> instead of a hang.
/// </remarks>
public static class SwitchCost
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(10);

    /// <summary>Measures the average time of one hand-off between two threads.</summary>
    /// <param name="roundTrips">How many times the turn goes to the partner and back; at least 1.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The time per hand-off (half a round trip).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="roundTrips"/> is below 1.</exception>
    /// <exception cref="TimeoutException">The partner thread did not answer within 10 s.</exception>
    public static TimeSpan ThreadHandOff(int roundTrips = 2_000, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(roundTrips);
        var ping = new AutoResetEvent(false);
        var pong = new AutoResetEvent(false);
        bool abandoned = false;
        var partner = new Thread(() =>
        {
            for (int i = 0; i < roundTrips && !Volatile.Read(ref abandoned); i++)
            {
                if (!ping.WaitOne(s_patience))
                {
                    return;
                }

                pong.Set();
            }
        })
        {
            IsBackground = true,
            Name = "hand-off partner",
        };
        partner.Start();
        try
        {
            TimeSpan elapsed = Measure.Once(
                () =>
                {
                    for (int i = 0; i < roundTrips; i++)
                    {
                        ping.Set();
                        if (!pong.WaitOne(s_patience))
                        {
                            throw new TimeoutException($"The partner thread did not answer hand-off {i} within {s_patience.TotalSeconds:0} s.");
                        }
                    }
                },
                timeProvider);
            return elapsed / (2.0 * roundTrips);
        }
        finally
        {
            Volatile.Write(ref abandoned, true);
            ping.Set();

            // Dispose the events only once the partner is surely gone: a background thread touching a
            // disposed handle would throw and take the whole process down.
            if (partner.Join(s_patience))
            {
                ping.Dispose();
                pong.Dispose();
            }
        }
    }
}
