using System.Globalization;

namespace Workbook.Async;

/// <summary>One throttled batch of simulated downloads, measured by <see cref="Throttling"/>.</summary>
/// <param name="Method">How concurrency was limited.</param>
/// <param name="Downloads">How many downloads the batch had.</param>
/// <param name="Limit">The most allowed in flight at once.</param>
/// <param name="Latency">How long one download takes.</param>
/// <param name="Elapsed">How long the whole batch took.</param>
/// <param name="PeakInFlight">The most downloads that were really in flight at once.</param>
/// <param name="Completed">How many downloads returned their body.</param>
public sealed record ThrottleResult(ThrottleMethod Method, int Downloads, int Limit, TimeSpan Latency, TimeSpan Elapsed, int PeakInFlight, int Completed)
{
    /// <summary>The best possible time: the batch needs ceil(downloads / limit) rounds of one latency each.</summary>
    public TimeSpan Ideal => Latency * Math.Ceiling((double)Downloads / Limit);

    /// <summary>Elapsed divided by <see cref="Ideal"/>: 1.0 is perfect, above 1 is overhead.</summary>
    public double OfIdeal => Elapsed / Ideal;

    /// <summary>E.g. <c>SemaphoreSlim, limit 10: 100 downloads in 212 ms (ideal 200 ms, 1.06×), peak in flight 10</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Method}, limit {Limit}: {Completed:N0} of {Downloads:N0} downloads in {Elapsed.TotalMilliseconds:N0} ms (ideal {Ideal.TotalMilliseconds:N0} ms, {OfIdeal:0.00}×), peak in flight {PeakInFlight}");
}
