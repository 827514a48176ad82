using System.Globalization;
using Workbook.Measurement;

namespace Workbook.Tuning;

/// <summary>One time-to-live of <see cref="CacheExpiry.SweepTtl"/>: backend load against stale answers.</summary>
/// <param name="Ttl">How long an entry lived in the cache (zero: no cache).</param>
/// <param name="Requests">Requests served during the simulated run.</param>
/// <param name="BackendCalls">Requests that missed the cache and went to the backend.</param>
/// <param name="StaleAnswers">Answers that were out of date: the source had changed since they were fetched.</param>
/// <param name="MaxStaleness">The longest time an answer had been out of date when it was served.</param>
public sealed record TtlPoint(TimeSpan Ttl, int Requests, int BackendCalls, int StaleAnswers, TimeSpan MaxStaleness)
{
    /// <summary>Backend calls as a percentage of requests (100 % without a cache).</summary>
    public double BackendPercent => Requests == 0 ? 0 : 100.0 * BackendCalls / Requests;

    /// <summary>Stale answers as a percentage of requests.</summary>
    public double StalePercent => Requests == 0 ? 0 : 100.0 * StaleAnswers / Requests;

    /// <summary>One line with the TTL, the backend share and the staleness.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"TTL {Durations.Format(Ttl),8}: {BackendPercent,6:0.0} % of {NumberText.Count(Requests)} requests hit the backend, "
        + $"{StalePercent,5:0.0} % stale answers, oldest stale answer {Durations.Format(MaxStaleness)} out of date");
}
