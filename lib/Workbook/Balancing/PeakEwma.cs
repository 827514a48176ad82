namespace Workbook.Balancing;

/// <summary>
/// Latency-aware balancing with peak-EWMA: each backend's cost is its latency estimate times
/// (outstanding + 1); the request goes to the cheaper of two distinct random backends
/// (power-of-two sampling, O(1) per pick — not a full scan).
/// </summary>
/// <remarks>
/// <para>The estimate is a time-based exponentially weighted moving average with a
/// <em>peak</em> rule: a latency above the estimate replaces it at once (react fast to a
/// slowdown), lower latencies pull it down gradually with time constant
/// <c>decay</c> (recover cautiously). When a backend has not been heard from, reads let its
/// estimate relax towards <c>initialLatency</c> with the same time constant, so a backend
/// that was slow gets another chance later. Unobserved backends start at <c>initialLatency</c>.
/// Cancelled requests are not observed; failures are (their latency is real).</para>
/// <para>Multiplying by (outstanding + 1) makes a fast backend that is already busy look
/// expensive before its next latency sample arrives.</para>
/// <para>Time comes from the injected <see cref="TimeProvider"/> (the simulator passes its virtual clock).
/// Thread-safety: each backend's estimate is read and updated under its own small lock;
/// random draws are taken under a lock.</para>
/// </remarks>
public sealed class PeakEwma : Balancer
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly Estimate[] _estimates;
    private readonly double _decayTicks;
    private readonly double _initialSeconds;

    /// <summary>Creates a peak-EWMA balancer.</summary>
    /// <param name="backends">The backends (non-empty, unique names).</param>
    /// <param name="random">The random source for the two-choice sampling; <c>new Random(0)</c> when null.</param>
    /// <param name="time">Clock for latency, decay and ejection; the system clock when null.</param>
    /// <param name="decay">Time constant of the moving average (positive); 10 s when null.</param>
    /// <param name="initialLatency">Estimate for a backend with no samples (zero or more); 100 ms when null.</param>
    /// <param name="ejection">Passive outlier ejection; off when null.</param>
    public PeakEwma(
        IEnumerable<Backend> backends,
        Random? random = null,
        TimeProvider? time = null,
        TimeSpan? decay = null,
        TimeSpan? initialLatency = null,
        EjectionOptions? ejection = null)
        : base("peak-ewma", backends, time, ejection)
    {
        var tau = decay ?? TimeSpan.FromSeconds(10);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tau, TimeSpan.Zero, nameof(decay));
        var initial = initialLatency ?? TimeSpan.FromMilliseconds(100);
        ArgumentOutOfRangeException.ThrowIfLessThan(initial, TimeSpan.Zero, nameof(initialLatency));

        _random = random ?? new Random(0);
        _decayTicks = tau.TotalSeconds * Time.TimestampFrequency;
        _initialSeconds = initial.TotalSeconds;
        long now = Time.GetTimestamp();
        _estimates = new Estimate[Count];
        for (int i = 0; i < _estimates.Length; i++)
        {
            _estimates[i] = new Estimate { Seconds = _initialSeconds, Stamp = now };
        }
    }

    /// <summary>The current latency estimate of backend <paramref name="index"/> (what the policy believes).</summary>
    /// <param name="index">A backend index.</param>
    /// <returns>The estimate, relaxed towards the initial latency for the time since its last sample.</returns>
    public TimeSpan LatencyEstimate(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return TimeSpan.FromSeconds(EstimateSeconds(index, Time.GetTimestamp()));
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

        long now = Time.GetTimestamp();
        return Cost(second, now) < Cost(first, now) ? second : first;
    }

    /// <inheritdoc />
    protected override void OnCompleted(int index, RequestOutcome outcome, TimeSpan latency)
    {
        if (outcome == RequestOutcome.Cancelled)
        {
            return; // a caller giving up says nothing about how fast the backend is
        }

        double sample = latency.TotalSeconds;
        long now = Time.GetTimestamp();
        var e = _estimates[index];
        lock (e.Gate)
        {
            double keep = Keep(now - e.Stamp);

            // Peak rule: slowdowns count in full immediately; improvements are averaged in over time.
            e.Seconds = sample > e.Seconds ? sample : (e.Seconds * keep) + (sample * (1 - keep));
            e.Stamp = Math.Max(now, e.Stamp);
        }
    }

    private double Cost(int index, long now) => EstimateSeconds(index, now) * (Outstanding(index) + 1);

    private double EstimateSeconds(int index, long now)
    {
        var e = _estimates[index];
        double seconds;
        long stamp;
        lock (e.Gate)
        {
            seconds = e.Seconds;
            stamp = e.Stamp;
        }

        return _initialSeconds + ((seconds - _initialSeconds) * Keep(now - stamp));
    }

    // exp(-elapsed / tau): the share of the old estimate that survives 'elapsed' timestamp ticks.
    private double Keep(long elapsedTicks) => elapsedTicks <= 0 ? 1.0 : Math.Exp(-elapsedTicks / _decayTicks);

    private sealed class Estimate
    {
        public readonly Lock Gate = new();
        public double Seconds;
        public long Stamp;
    }
}
