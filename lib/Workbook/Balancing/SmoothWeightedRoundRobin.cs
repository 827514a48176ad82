namespace Workbook.Balancing;

/// <summary>
/// Smooth weighted round-robin (the nginx algorithm): each pick adds every backend's weight to
/// its running score, takes the highest score, and subtracts the total weight from the winner.
/// Weights 5:3:2 give the interleaved <c>a b c a a b a c b a</c>, not <c>a a a a a b b b c c</c>.
/// </summary>
/// <remarks>
/// <para>Over every whole cycle (W = total weight picks) each backend gets exactly its weight,
/// and the scores return to zero, so the sequence repeats with period W. Ties go to the lower index.</para>
/// <para>Cost: the algorithm is O(n) per pick. While every backend is available the balancer
/// replays one precomputed cycle instead, O(1) per pick, when n × W is small enough to
/// precompute cheaply (up to 2^24, e.g. 1,000 backends of weight up to ~16); otherwise, and
/// while some backend is ejected, it runs the O(n) algorithm over the available backends,
/// starting from zero scores whenever it switches to that mode.</para>
/// <para>Thread-safety: the cycle is immutable and its position advances with
/// <see cref="Interlocked"/>; the live scores are updated under a lock.</para>
/// </remarks>
public sealed class SmoothWeightedRoundRobin : Balancer
{
    private const long DefaultCycleBudget = 1L << 24;

    private readonly Lock _gate = new();
    private readonly int[] _weights;
    private readonly long[] _current;
    private readonly int[]? _cycle;
    private long _position = -1;
    private bool _live;

    /// <summary>Creates a smooth weighted round-robin balancer.</summary>
    /// <param name="backends">The backends with their weights (non-empty, unique names, weights of 1 or more).</param>
    /// <param name="time">Clock for latency and ejection; the system clock when null.</param>
    /// <param name="ejection">Passive outlier ejection; off when null.</param>
    public SmoothWeightedRoundRobin(IEnumerable<Backend> backends, TimeProvider? time = null, EjectionOptions? ejection = null)
        : this(backends, time, ejection, DefaultCycleBudget)
    {
    }

    /// <summary>Test seam: <paramref name="cycleBudget"/> 0 forces the O(n) algorithm on every pick.</summary>
    internal SmoothWeightedRoundRobin(IEnumerable<Backend> backends, TimeProvider? time, EjectionOptions? ejection, long cycleBudget)
        : base("weighted-round-robin", backends, time, ejection)
    {
        _weights = new int[Count];
        long total = 0;
        for (int i = 0; i < _weights.Length; i++)
        {
            _weights[i] = Backends[i].Weight;
            total += _weights[i];
        }

        _current = new long[Count];
        if (total * Count <= cycleBudget)
        {
            _cycle = new int[total];
            for (int k = 0; k < _cycle.Length; k++)
            {
                _cycle[k] = Step(all: true);
            }

            // A full cycle brings every score back to zero, which is what makes the replay exact.
            Array.Clear(_current);
        }
    }

    /// <inheritdoc />
    protected override int Choose()
    {
        bool all = AllAvailable;
        if (_cycle is not null && all && !Volatile.Read(ref _live))
        {
            long turn = Interlocked.Increment(ref _position);
            return _cycle[turn % _cycle.Length];
        }

        lock (_gate)
        {
            if (_cycle is not null)
            {
                if (!_live && !all)
                {
                    Array.Clear(_current); // entering the live algorithm: start from a clean slate
                }

                Volatile.Write(ref _live, !all);
                if (all)
                {
                    return _cycle[Interlocked.Increment(ref _position) % _cycle.Length];
                }
            }

            return Step(all);
        }
    }

    // One step of nginx's algorithm over the available backends; the caller holds the lock (or is the constructor).
    private int Step(bool all)
    {
        int best = -1;
        long total = 0;
        for (int i = 0; i < _current.Length; i++)
        {
            if (!all && !IsAvailable(i))
            {
                continue;
            }

            _current[i] += _weights[i];
            total += _weights[i];

            // Strictly greater: ties keep the earlier backend, which makes the sequence reproducible.
            if (best < 0 || _current[i] > _current[best])
            {
                best = i;
            }
        }

        if (best >= 0)
        {
            _current[best] -= total;
        }

        return best;
    }
}
