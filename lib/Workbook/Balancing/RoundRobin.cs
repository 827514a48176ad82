namespace Workbook.Balancing;

/// <summary>
/// Round-robin: backend 0, 1, 2, ..., n-1, 0, 1, ... ignoring weights and load.
/// O(1) per pick; an ejected backend's turn passes to the next available one.
/// </summary>
/// <remarks>Thread-safety: the turn counter is advanced with <see cref="Interlocked.Increment(ref long)"/>,
/// so concurrent picks never share a turn; over any n·k consecutive picks each backend gets exactly k.</remarks>
public sealed class RoundRobin : Balancer
{
    private long _turn = -1;

    /// <summary>Creates a round-robin balancer.</summary>
    /// <param name="backends">The backends (non-empty, unique names).</param>
    /// <param name="time">Clock for latency and ejection; the system clock when null.</param>
    /// <param name="ejection">Passive outlier ejection; off when null.</param>
    public RoundRobin(IEnumerable<Backend> backends, TimeProvider? time = null, EjectionOptions? ejection = null)
        : base("round-robin", backends, time, ejection)
    {
    }

    /// <inheritdoc />
    protected override int Choose()
    {
        int n = Count;
        int start = (int)(Interlocked.Increment(ref _turn) % n);
        if (AllAvailable)
        {
            return start;
        }

        for (int k = 0; k < n; k++)
        {
            int i = start + k < n ? start + k : start + k - n;
            if (IsAvailable(i))
            {
                return i;
            }
        }

        return -1;
    }
}
