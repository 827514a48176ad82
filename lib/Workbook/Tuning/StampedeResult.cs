using Workbook.Measurement;

namespace Workbook.Tuning;

/// <summary>What one <see cref="Stampede.RunAsync"/> saw.</summary>
/// <param name="Cache">The cache's type name.</param>
/// <param name="Requests">How many requests asked for the key at once.</param>
/// <param name="BackendCalls">How many of them reached the backend.</param>
/// <param name="PeakInFlight">The most backend calls in flight at the same moment.</param>
/// <param name="DistinctValues">How many different values the callers received (1 when all shared one fetch).</param>
/// <param name="Failed">Requests whose task failed.</param>
/// <param name="Elapsed">From the first request to the last answer.</param>
public sealed record StampedeResult(
    string Cache,
    int Requests,
    int BackendCalls,
    int PeakInFlight,
    int DistinctValues,
    int Failed,
    TimeSpan Elapsed)
{
    /// <summary>Backend calls per request, from 1.0 (no cache at all) down to 1 / <see cref="Requests"/> (single-flight).</summary>
    public double CallsPerRequest => Requests == 0 ? 0 : (double)BackendCalls / Requests;

    /// <summary>One line, e.g. <c>NaiveCache: 1,000 requests -> 1,000 backend calls (peak 1,000 in flight), ...</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        $"{Cache,-15} {NumberText.Count(Requests)} requests -> {NumberText.Count(BackendCalls),5} backend calls "
        + $"(peak {NumberText.Count(PeakInFlight)} in flight), {DistinctValues} distinct value(s), {Failed} failed, {Durations.Format(Elapsed)}";
}
