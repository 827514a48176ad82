namespace Workbook.Balancing;

/// <summary>
/// Round-robin: backend 0, 1, 2, ..., n-1, 0, 1, ... ignoring weights and load.
/// O(1) per pick; while some backend is ejected, the turns rotate over the available ones only (O(n) per pick).
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
        long turn = Interlocked.Increment(ref _turn);
        if (AllAvailable)
        {
            return (int)(turn % n);
        }

        // Handing an ejected backend's turn to its neighbour would give that neighbour a double share;
        // counting turns over the available backends keeps the shares equal.
        int available = 0;
        for (int i = 0; i < n; i++)
        {
            available += IsAvailable(i) ? 1 : 0;
        }

        if (available == 0)
        {
            return -1;
        }

        int target = (int)(turn % available);
        for (int i = 0; i < n; i++)
        {
            if (IsAvailable(i) && target-- == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
