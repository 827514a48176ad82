namespace Workbook.Balancing.Farm;

/// <summary>
/// Creates the library's policies for a real farm. Like <see cref="Balancers.Create"/>, except that
/// peak-EWMA is tuned to runs that last seconds: its estimates start at zero (an unknown backend is
/// tried at once, and its first answer sets the estimate), decay with a 1 s time constant, and a
/// latency outlier gets one probe request a second instead of competing for every request.
/// </summary>
/// <remarks>
/// Why: with the production defaults (10 s decay, 100 ms starting estimate) every backend's estimate
/// drifts down from 100 ms for tens of seconds, fast and slow ones alike, so in a five-second run
/// peak-EWMA could not yet tell them apart. Without probes, a slow backend's estimate relaxed back
/// towards zero within a second or two and one slow answer of a fast backend made that one look costly,
/// so a backend 50 times slower still got 2-3% of the requests; with probes it gets about one a second.
/// Stateless; thread-safe.
/// </remarks>
public static class FarmPolicies
{
    /// <summary>The decay time constant used for peak-EWMA on the farm: 1 s.</summary>
    public static TimeSpan PeakEwmaDecay { get; } = TimeSpan.FromSeconds(1);

    /// <summary>How often peak-EWMA on the farm probes a latency outlier: once a second.</summary>
    public static TimeSpan PeakEwmaProbeInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether <paramref name="name"/> is one of <see cref="Balancers.Names"/> (case-insensitive).</summary>
    /// <param name="name">A policy name.</param>
    /// <returns>True when it can be created.</returns>
    public static bool IsKnown(string? name) =>
        name is not null && Balancers.Names.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates policy <paramref name="name"/> over <paramref name="backends"/>.</summary>
    /// <param name="name">One of <see cref="Balancers.Names"/>.</param>
    /// <param name="backends">The backends.</param>
    /// <param name="seed">Seed for the random draws.</param>
    /// <param name="time">Clock for latency and ejection; the system clock when null.</param>
    /// <param name="ejection">Passive outlier ejection; off when null.</param>
    /// <returns>The balancer.</returns>
    /// <exception cref="ArgumentException">The name is unknown (the message lists the known ones).</exception>
    public static Balancer Create(string name, IEnumerable<Backend> backends, int seed = 0, TimeProvider? time = null, EjectionOptions? ejection = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return string.Equals(name.Trim(), "peak-ewma", StringComparison.OrdinalIgnoreCase)
            ? new PeakEwma(backends, new Random(seed), time, PeakEwmaDecay, TimeSpan.Zero, ejection, PeakEwmaProbeInterval)
            : Balancers.Create(name, backends, seed, time, ejection);
    }
}
