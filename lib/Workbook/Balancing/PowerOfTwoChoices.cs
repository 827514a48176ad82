namespace Workbook.Balancing;

/// <summary>
/// Power of two choices: draw two distinct backends at random and send the request to the one
/// with fewer outstanding requests (the first drawn on a tie). Ignores weights.
/// </summary>
/// <remarks>
/// <para>Why it works: one random choice gives an M/M/1 queue per server; a second look
/// makes long queues doubly-exponentially rare, while needing no global scan — O(1) per pick.
/// It also cannot "herd" on stale data the way least-connections does, because two random
/// backends are rarely the same stale minimum.</para>
/// <para>The two draws are always distinct backends (the second is drawn from the other n-1),
/// so with two backends it always compares both. With a single available backend that one is returned.</para>
/// <para>Thread-safety: draws from the non-thread-safe <see cref="Random"/> are taken under a lock;
/// the load comparison is lock-free on near-current counts.</para>
/// </remarks>
public sealed class PowerOfTwoChoices : Balancer
{
    private readonly Lock _gate = new();
    private readonly Random _random;

    /// <summary>Creates a power-of-two-choices balancer.</summary>
    /// <param name="backends">The backends (non-empty, unique names).</param>
    /// <param name="random">The random source; <c>new Random(0)</c> when null, so runs repeat.</param>
    /// <param name="time">Clock for latency and ejection; the system clock when null.</param>
    /// <param name="ejection">Passive outlier ejection; off when null.</param>
    public PowerOfTwoChoices(IEnumerable<Backend> backends, Random? random = null, TimeProvider? time = null, EjectionOptions? ejection = null)
        : base("power-of-two", backends, time, ejection)
    {
        _random = random ?? new Random(0);
    }

    /// <inheritdoc />
    protected override int Choose()
    {
        int first, second;
        lock (_gate)
        {
            first = RandomAvailable(_random);
            if (first < 0)
            {
                return -1;
            }

            second = RandomAvailable(_random, exclude: first);
        }

        if (second < 0)
        {
            return first;
        }

        return Outstanding(second) < Outstanding(first) ? second : first;
    }
}
