using System.Globalization;
using Workbook.Networking;

namespace Workbook.Capstone;

/// <summary>One configuration measured by the tuning pass: its capacity run and its spike run, with the service's own counts.</summary>
/// <param name="Config">The configuration.</param>
/// <param name="Capacity">The closed-loop run (after the warm-up).</param>
/// <param name="CapacityStats">What the service did during the capacity run.</param>
/// <param name="Spike">The open-loop spike run.</param>
/// <param name="SpikeStats">What the service did during the spike.</param>
public sealed record TuningStep(ServiceConfig Config, LoadResult Capacity, ServiceStats CapacityStats, LoadResult Spike, ServiceStats SpikeStats)
{
    /// <summary>The configuration's name.</summary>
    public string Name => Config.Name;

    /// <summary>Answers (2xx) per second in the capacity run: what the configuration can serve.</summary>
    public double Throughput => Capacity.Elapsed > TimeSpan.Zero ? Capacity.Successes / Capacity.Elapsed.TotalSeconds : 0;

    /// <summary>The 99th-percentile time of the requests answered during the spike.</summary>
    public TimeSpan SpikeP99 => Spike.P99;

    /// <summary>The share of the spike's requests that got an answer (the rest were turned away with 503, timed out or failed).</summary>
    public double SpikeAnswered => Spike.Requests > 0 ? (double)Spike.Successes / Spike.Requests : 0;

    /// <summary>The share of the capacity run's requests answered without a computation of their own.</summary>
    public double HitRate => CapacityStats.HitRate;

    /// <summary>E.g. "+ cache: 1,210 answers/s (p99 85 ms); spike: 100% answered, p99 14 ms; 81% without computing".</summary>
    /// <returns>One line.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name,-20} {Throughput,8:N0} answers/s (closed-loop p99 {Capacity.P99.TotalMilliseconds,6:N0} ms) | spike: {SpikeAnswered,5:P0} answered, "
        + $"p99 {SpikeP99.TotalMilliseconds,6:N0} ms | {HitRate,4:P0} served without computing");
}
