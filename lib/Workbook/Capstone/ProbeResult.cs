using Workbook.Networking;

namespace Workbook.Capstone;

/// <summary>What a service's request threads were doing under load: the load run, how long <c>/health</c> took meanwhile, and the thread pool over time.</summary>
/// <param name="Load">The quote load that kept the service busy.</param>
/// <param name="HealthMilliseconds">How long each <c>/health</c> request took while the load ran, in ms, in the order sent.</param>
/// <param name="Threads">The thread pool sampled every 50 ms: threads, and how many were busy.</param>
public sealed record ProbeResult(LoadResult Load, IReadOnlyList<double> HealthMilliseconds, IReadOnlyList<ThreadSample> Threads)
{
    /// <summary>The median <c>/health</c> time in ms.</summary>
    public double HealthMedian => Percentile(50);

    /// <summary>The 99th-percentile <c>/health</c> time in ms.</summary>
    public double HealthP99 => Percentile(99);

    /// <summary>The most thread-pool threads seen busy at once.</summary>
    public int PeakBusyThreads => Threads.Count == 0 ? 0 : Threads.Max(t => t.Busy);

    /// <summary>E.g. "/health while 32 users load the service: median 1.2 ms, p99 4.0 ms; up to 3 busy pool threads".</summary>
    /// <returns>One line.</returns>
    public override string ToString() =>
        $"/health under load: median {HealthMedian:N1} ms, p99 {HealthP99:N1} ms ({HealthMilliseconds.Count} probes); up to {PeakBusyThreads} busy pool threads";

    private double Percentile(double p) => HealthMilliseconds.Count == 0 ? 0 : Measurement.Stats.Of(HealthMilliseconds).Percentile(p);
}
