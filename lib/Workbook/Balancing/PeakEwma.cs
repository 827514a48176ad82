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
/// <para>With a <c>probeInterval</c> the policy behaves as production latency-aware balancers aim to:
/// a backend whose <em>typical</em> latency (a plain moving average, so one slow answer does not count)
/// is more than <see cref="OutlierFactor"/> times the best available backend's is left out of the
/// two-choice contest, except for one probe request per interval, whose answer can bring it back.
/// Estimates then do not relax while a backend is unheard (the probes replace that), and every answer
/// below the estimate moves it at least <see cref="MinSampleWeight"/> of the way, so a fast backend
/// recovers from one slow answer within a few answers instead of a whole time constant.</para>
/// <para>With probing on, each pick also makes one pass over the backends' typical latencies to find
/// the best (O(n), n at most 64 in the proxy), and a backend needs <see cref="MinSamples"/> answers
/// before it can be an outlier.</para>
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
    private readonly long _probeTicks;
    private readonly long[] _nextProbe;

    /// <summary>With probing on: a backend typically slower than this many times the best available one is an outlier.</summary>
    public const double OutlierFactor = 5;

    /// <summary>With probing on: the least weight an answer below the estimate gets in the moving averages.</summary>
    public const double MinSampleWeight = 0.05;

    /// <summary>With probing on: answers a backend must have given before it can be called an outlier.</summary>
    public const int MinSamples = 10;

    /// <summary>Creates a peak-EWMA balancer.</summary>
    /// <param name="backends">The backends (non-empty, unique names).</param>
    /// <param name="random">The random source for the two-choice sampling; <c>new Random(0)</c> when null.</param>
    /// <param name="time">Clock for latency, decay and ejection; the system clock when null.</param>
    /// <param name="decay">Time constant of the moving average (positive); 10 s when null.</param>
    /// <param name="initialLatency">Estimate for a backend with no samples (zero or more); 100 ms when null.</param>
    /// <param name="ejection">Passive outlier ejection; off when null.</param>
    /// <param name="probeInterval">When set (positive), latency outliers get only one probe request per interval (see remarks); off when null.</param>
    public PeakEwma(
        IEnumerable<Backend> backends,
        Random? random = null,
        TimeProvider? time = null,
        TimeSpan? decay = null,
        TimeSpan? initialLatency = null,
        EjectionOptions? ejection = null,
        TimeSpan? probeInterval = null)
        : base("peak-ewma", backends, time, ejection)
    {
        var tau = decay ?? TimeSpan.FromSeconds(10);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tau, TimeSpan.Zero, nameof(decay));
        var initial = initialLatency ?? TimeSpan.FromMilliseconds(100);
        ArgumentOutOfRangeException.ThrowIfLessThan(initial, TimeSpan.Zero, nameof(initialLatency));

        if (probeInterval is { } probe)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(probe, TimeSpan.Zero, nameof(probeInterval));
            _probeTicks = Math.Max(1, (long)(probe.TotalSeconds * Time.TimestampFrequency));
        }

        ProbeInterval = probeInterval;
        _random = random ?? new Random(0);
        _decayTicks = tau.TotalSeconds * Time.TimestampFrequency;
        _initialSeconds = initial.TotalSeconds;
        long now = Time.GetTimestamp();
        _nextProbe = new long[Count];
        _estimates = new Estimate[Count];
        for (int i = 0; i < _estimates.Length; i++)
        {
            _estimates[i] = new Estimate { Seconds = _initialSeconds, Typical = _initialSeconds, Stamp = now };
        }
    }

    /// <summary>The probe interval for latency outliers, or null when every backend always competes.</summary>
    public TimeSpan? ProbeInterval { get; }

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
        if (_probeTicks > 0 && ChooseAroundOutlier(first, second, now) is int settled)
        {
            return settled;
        }

        return Cost(second, now) < Cost(first, now) ? second : first;
    }

    /// <summary>Whether backend <paramref name="index"/> is currently a latency outlier (always false with probing off).</summary>
    /// <param name="index">A backend index.</param>
    /// <returns>True when its typical latency is over <see cref="OutlierFactor"/> times the best available backend's.</returns>
    public bool IsOutlier(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _probeTicks > 0 && IsOutlier(index, OutlierThreshold());
    }

    // When exactly one of the pair is an outlier, the other wins, unless the outlier's probe is due:
    // then it gets this one request (and the next probe waits a full interval).
    private int? ChooseAroundOutlier(int first, int second, long now)
    {
        double threshold = OutlierThreshold();
        bool slowFirst = IsOutlier(first, threshold), slowSecond = IsOutlier(second, threshold);
        if (slowFirst == slowSecond)
        {
            return null; // both normal (or both outliers): cost decides
        }

        int slow = slowFirst ? first : second;
        return TryClaimProbe(slow, now) ? slow : (slowFirst ? second : first);
    }

    private bool TryClaimProbe(int index, long now)
    {
        long due = Volatile.Read(ref _nextProbe[index]);

        // Only the thread that moves the due time forward sends the probe.
        return now >= due && Interlocked.CompareExchange(ref _nextProbe[index], now + _probeTicks, due) == due;
    }

    private bool IsOutlier(int index, double threshold) =>
        Volatile.Read(ref _estimates[index].Samples) >= MinSamples && Volatile.Read(ref _estimates[index].Typical) > threshold;

    // A floor of 1 ms keeps near-zero latencies (idle loopback) from making every backend an outlier.
    private double OutlierThreshold()
    {
        double best = double.MaxValue;
        for (int i = 0; i < _estimates.Length; i++)
        {
            if (IsAvailable(i))
            {
                best = Math.Min(best, Volatile.Read(ref _estimates[i].Typical));
            }
        }

        return OutlierFactor * Math.Max(best == double.MaxValue ? 0 : best, 0.001);
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
            if (_probeTicks > 0)
            {
                // Many answers a second must each count for something, or one slow answer lingers for a whole time constant.
                keep = Math.Min(keep, 1 - MinSampleWeight);
                // The first answers are averaged evenly, so one cold-start answer (JIT, a new connection) does not set the level.
                double weight = Math.Max(1 - keep, 1.0 / (e.Samples + 1));
                double typical = (e.Typical * (1 - weight)) + (sample * weight);
                Volatile.Write(ref e.Typical, typical);
            }

            // Peak rule: slowdowns count in full immediately; improvements are averaged in over time.
            e.Seconds = sample > e.Seconds ? sample : (e.Seconds * keep) + (sample * (1 - keep));
            e.Stamp = Math.Max(now, e.Stamp);
            Volatile.Write(ref e.Samples, e.Samples + 1);
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

        // With probing on, an unheard backend keeps its estimate: probes, not relaxation, give it another chance.
        return _probeTicks > 0 ? seconds : _initialSeconds + ((seconds - _initialSeconds) * Keep(now - stamp));
    }

    // exp(-elapsed / tau): the share of the old estimate that survives 'elapsed' timestamp ticks.
    private double Keep(long elapsedTicks) => elapsedTicks <= 0 ? 1.0 : Math.Exp(-elapsedTicks / _decayTicks);

    private sealed class Estimate
    {
        public readonly Lock Gate = new();
        public double Seconds;
        public double Typical;
        public long Stamp;
        public long Samples;
    }
}
