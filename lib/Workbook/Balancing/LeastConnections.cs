namespace Workbook.Balancing;

/// <summary>
/// Least connections: send the request to the backend with the fewest outstanding requests.
/// Weights are ignored (every backend is assumed to have the same capacity).
/// </summary>
/// <remarks>
/// <para>Ties: each pick starts its scan at a different, well-spread position (Fibonacci hashing of
/// the pick number) and keeps the first minimum it meets, so tied backends share the work instead
/// of backend 0 getting it all. Deterministic: no random numbers involved.</para>
/// <para>Cost: a full O(n) scan, cut short as soon as an idle backend (0 outstanding) is seen,
/// which is the common case below saturation.</para>
/// <para>Thread-safety: lock-free; the scan reads counts that concurrent picks may raise a
/// moment later, so two simultaneous picks can choose the same backend. The counts themselves stay exact.</para>
/// </remarks>
public sealed class LeastConnections : Balancer
{
    private long _start = -1;

    /// <summary>Creates a least-connections balancer.</summary>
    /// <param name="backends">The backends (non-empty, unique names).</param>
    /// <param name="time">Clock for latency and ejection; the system clock when null.</param>
    /// <param name="ejection">Passive outlier ejection; off when null.</param>
    public LeastConnections(IEnumerable<Backend> backends, TimeProvider? time = null, EjectionOptions? ejection = null)
        : base("least-connections", backends, time, ejection)
    {
    }

    /// <inheritdoc />
    protected override int Choose()
    {
        int n = Count;

        // Starting one place further each time would make the scan chase a run of backends it just
        // filled (like clustering in linear probing); multiplying by 2^64/phi scatters the starts evenly.
        ulong spread = unchecked((ulong)Interlocked.Increment(ref _start) * 0x9E3779B97F4A7C15UL);
        int start = (int)(((spread >> 32) * (ulong)n) >> 32);
        bool all = AllAvailable;
        int best = -1;
        int bestLoad = int.MaxValue;
        for (int k = 0; k < n; k++)
        {
            int i = start + k < n ? start + k : start + k - n;
            if (!all && !IsAvailable(i))
            {
                continue;
            }

            int load = Outstanding(i);
            if (load < bestLoad)
            {
                best = i;
                bestLoad = load;
                if (load <= 0)
                {
                    break; // nothing beats an idle backend
                }
            }
        }

        return best;
    }
}
