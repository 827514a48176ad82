using System.Globalization;

namespace Workbook.Balancing.Farm;

/// <summary>
/// What clients got from our proxy with every backend dead (<see cref="FaultScenario.AllDownAsync"/>):
/// a few 502s while the proxy learns that the backends are gone, then fast 503s.
/// </summary>
/// <param name="Requests">Requests sent after the kill.</param>
/// <param name="BadGateway">Answered 502: attempts were made and failed (the proxy was still learning).</param>
/// <param name="Unavailable">Answered 503 at once: every backend ejected.</param>
/// <param name="Other">Any other answer (or none): 0 when the proxy behaves.</param>
/// <param name="MaxUnavailableLatency">The slowest 503, as the client measured it.</param>
/// <param name="MeanUnavailableLatency">The mean 503 latency.</param>
/// <param name="MaxLatency">The slowest answer of any kind: proof that nothing hung.</param>
/// <param name="RetryAfter">The Retry-After header of the last 503 (seconds), or null.</param>
/// <param name="UnavailableBody">The body of the last 503: what a client (or its operator) reads.</param>
public sealed record AllDownReport(
    int Requests,
    int BadGateway,
    int Unavailable,
    int Other,
    TimeSpan MaxUnavailableLatency,
    TimeSpan MeanUnavailableLatency,
    TimeSpan MaxLatency,
    string? RetryAfter,
    string UnavailableBody)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Requests} requests with every backend dead: {BadGateway} × 502 while learning, {Unavailable} × 503, {Other} other; " +
        $"503 latency mean {MeanUnavailableLatency.TotalMilliseconds:0.00} ms, max {MaxUnavailableLatency.TotalMilliseconds:0.00} ms; slowest answer {MaxLatency.TotalMilliseconds:0.0} ms; " +
        $"Retry-After: {RetryAfter ?? "none"}{Environment.NewLine}503 body: {UnavailableBody.Trim()}");
}
