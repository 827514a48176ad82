namespace Workbook.Balancing;

/// <summary>
/// Smooth weighted round-robin (the nginx algorithm): each pick adds every backend's weight to
/// its running score, takes the highest score, and subtracts the total weight from the winner.
/// Weights 5:3:2 give the interleaved <c>a b c a a b a c b a</c>, not <c>a a a a a b b b c c</c>.
/// </summary>
/// <remarks>
/// <para>Over any whole cycle (total weight W picks) each backend gets exactly its weight.
/// Ties go to the lower index. Ejected backends sit out and the total only counts those that play.</para>
/// <para>Cost: O(n) per pick (a full pass over the scores). Thread-safety: the scores are
/// updated under a lock, so concurrent picks see one consistent sequence.</para>
/// </remarks>
public sealed class SmoothWeightedRoundRobin : Balancer
{
    private readonly Lock _gate = new();
    private readonly int[] _weights;
    private readonly long[] _current;

    /// <summary>Creates a smooth weighted round-robin balancer.</summary>
    /// <param name="backends">The backends with their weights (non-empty, unique names, weights of 1 or more).</param>
    /// <param name="time">Clock for latency and ejection; the system clock when null.</param>
    /// <param name="ejection">Passive outlier ejection; off when null.</param>
    public SmoothWeightedRoundRobin(IEnumerable<Backend> backends, TimeProvider? time = null, EjectionOptions? ejection = null)
        : base("weighted-round-robin", backends, time, ejection)
    {
        _weights = new int[Count];
        for (int i = 0; i < _weights.Length; i++)
        {
            _weights[i] = Backends[i].Weight;
        }

        _current = new long[Count];
    }

    /// <inheritdoc />
    protected override int Choose()
    {
        bool all = AllAvailable;
        lock (_gate)
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
}
