namespace Workbook.Balancing;

/// <summary>
/// Random: each request goes to a backend drawn at random, in proportion to its weight
/// (uniformly when all weights are equal). Ignores load.
/// </summary>
/// <remarks>
/// <para>Cost: O(1) with equal weights, O(log n) (binary search over cumulative weights)
/// otherwise; one O(n) pass while some backend is ejected.</para>
/// <para>Thread-safety: <see cref="Random"/> is not thread-safe, so draws are taken under a lock;
/// with a seeded <see cref="Random"/> and a single caller the sequence is reproducible.</para>
/// </remarks>
public sealed class RandomChoice : Balancer
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly long[]? _cumulative;

    /// <summary>Creates a random balancer.</summary>
    /// <param name="backends">The backends (non-empty, unique names, weights of 1 or more).</param>
    /// <param name="random">The random source; <c>new Random(0)</c> when null, so runs repeat.</param>
    /// <param name="time">Clock for latency and ejection; the system clock when null.</param>
    /// <param name="ejection">Passive outlier ejection; off when null.</param>
    public RandomChoice(IEnumerable<Backend> backends, Random? random = null, TimeProvider? time = null, EjectionOptions? ejection = null)
        : base("random", backends, time, ejection)
    {
        _random = random ?? new Random(0);
        bool equal = true;
        for (int i = 1; i < Count; i++)
        {
            equal &= Backends[i].Weight == Backends[0].Weight;
        }

        if (!equal)
        {
            _cumulative = new long[Count];
            long sum = 0;
            for (int i = 0; i < Count; i++)
            {
                sum += Backends[i].Weight;
                _cumulative[i] = sum;
            }
        }
    }

    /// <inheritdoc />
    protected override int Choose()
    {
        lock (_gate)
        {
            if (_cumulative is null)
            {
                return RandomAvailable(_random);
            }

            if (AllAvailable)
            {
                long ticket = _random.NextInt64(_cumulative[^1]);

                // The first backend whose cumulative weight exceeds the ticket owns it.
                int found = Array.BinarySearch(_cumulative, ticket + 1);
                return found >= 0 ? found : ~found;
            }

            long total = 0;
            for (int i = 0; i < Count; i++)
            {
                total += IsAvailable(i) ? Backends[i].Weight : 0;
            }

            if (total == 0)
            {
                return -1;
            }

            long pick = _random.NextInt64(total);
            for (int i = 0; i < Count; i++)
            {
                if (IsAvailable(i) && (pick -= Backends[i].Weight) < 0)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
