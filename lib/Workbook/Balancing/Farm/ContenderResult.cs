using System.Globalization;
using Workbook.Measurement;

namespace Workbook.Balancing.Farm;

/// <summary>
/// One proxy-and-policy's figures from a <see cref="FarmComparison"/>, all rounds merged: throughput,
/// latency, errors, and how many responses each backend gave.
/// </summary>
/// <param name="Kind">"ours" or "YARP".</param>
/// <param name="Policy">The policy, in the proxy's own naming.</param>
/// <param name="Requests">Requests completed (all rounds).</param>
/// <param name="Errors">Requests that failed (non-2xx or no response).</param>
/// <param name="Throughput">Requests per second: all requests over the time its rounds took.</param>
/// <param name="Mean">Mean latency of the successful requests.</param>
/// <param name="P50">Median latency.</param>
/// <param name="P99">99th-percentile latency.</param>
/// <param name="PerBackend">Responses per backend (by the <c>X-Backend</c> header), in farm order.</param>
/// <param name="RoundThroughputs">Throughput of each round, in round order (their spread shows the noise).</param>
/// <param name="CpuPerRequest">
/// Processor time the whole process (clients, proxy and backends) spent per request during this contender's
/// rounds. Clients and backends cost the same for every contender, so differences are the proxy's; far less
/// sensitive than throughput to other programs competing for the cores.
/// </param>
public sealed record ContenderResult(
    string Kind,
    string Policy,
    long Requests,
    long Errors,
    double Throughput,
    TimeSpan Mean,
    TimeSpan P50,
    TimeSpan P99,
    IReadOnlyList<long> PerBackend,
    IReadOnlyList<double> RoundThroughputs,
    TimeSpan CpuPerRequest)
{
    /// <summary>E.g. "ours power-of-two" or "YARP PowerOfTwoChoices".</summary>
    public string Name => $"{Kind} {Policy}";

    /// <summary>The share of responses that came from backend <paramref name="index"/> (0 to 1).</summary>
    /// <param name="index">A backend index.</param>
    /// <returns>Its share.</returns>
    public double Share(int index) => Requests == 0 ? 0 : (double)PerBackend[index] / Requests;

    /// <summary>E.g. "ours round-robin       4,210 req/s  mean 3.80 ms  p50 3.50 ms  p99 9.10 ms  0 errors  600/600/600".</summary>
    /// <returns>The figures as one line.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name,-24} {NumberText.Grouped(Throughput),8} req/s  mean {Durations.Format(Mean),8}  p50 {Durations.Format(P50),8}  p99 {Durations.Format(P99),8}  {Errors:N0} errors  per backend {string.Join("/", PerBackend.Select(n => n.ToString("N0", CultureInfo.InvariantCulture)))}  cpu {CpuPerRequest.TotalMicroseconds:0} µs/req");
}
