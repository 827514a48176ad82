using System.Globalization;
using System.Text;
using Workbook.Measurement;

namespace Workbook.Networking;

/// <summary>
/// The outcome of a <see cref="LoadGenerator"/> run: how many requests, how many failed and why,
/// throughput, latency percentiles, a per-interval series for charts and the share each backend
/// (<c>X-Backend</c> header) served.
/// </summary>
/// <remarks>
/// Immutable. Latency statistics cover the requests that got a whole 2xx response; failures are
/// counted in <see cref="Errors"/> and <see cref="ErrorsByKind"/> instead.
/// </remarks>
public sealed record LoadResult
{
    /// <summary>How the load was applied, e.g. "closed loop, 16 clients, raw sockets".</summary>
    public required string Mode { get; init; }

    /// <summary>Clients (closed loop) or the connection cap (open loop).</summary>
    public required int Concurrency { get; init; }

    /// <summary>Requests that completed, successfully or not.</summary>
    public required long Requests { get; init; }

    /// <summary>Requests that failed: a non-2xx status or an exception (timeout, refused connection …).</summary>
    public required long Errors { get; init; }

    /// <summary>Failures by kind: "HTTP 500", "timeout", "HttpRequestException (ConnectionError)" …</summary>
    public required IReadOnlyDictionary<string, long> ErrorsByKind { get; init; }

    /// <summary>Responses by HTTP status code (requests that ended in an exception have none).</summary>
    public required IReadOnlyDictionary<int, long> StatusCodes { get; init; }

    /// <summary>Responses by <c>X-Backend</c> header: which server answered how many (empty when no response carried it).</summary>
    public required IReadOnlyDictionary<string, long> ByBackend { get; init; }

    /// <summary>Time from the first request sent to the last one completed.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Latency statistics of the successful requests, in ms; null when none succeeded.</summary>
    public required Stats? Latency { get; init; }

    /// <summary>The run cut into slices of <see cref="LoadOptions.IntervalWidth"/>: completions and p99 per slice.</summary>
    public required IReadOnlyList<LoadInterval> Intervals { get; init; }

    /// <summary>Response-body bytes read.</summary>
    public required long BytesReceived { get; init; }

    /// <summary>Requests that got a whole 2xx response.</summary>
    public long Successes => Requests - Errors;

    /// <summary>Completed requests per second over the whole run.</summary>
    public double Throughput => Elapsed > TimeSpan.Zero ? Requests / Elapsed.TotalSeconds : 0;

    /// <summary>The median latency.</summary>
    public TimeSpan P50 => Percentile(50);

    /// <summary>The 90th-percentile latency.</summary>
    public TimeSpan P90 => Percentile(90);

    /// <summary>The 99th-percentile latency.</summary>
    public TimeSpan P99 => Percentile(99);

    /// <summary>The 99.9th-percentile latency.</summary>
    public TimeSpan P999 => Percentile(99.9);

    /// <summary>The slowest successful request.</summary>
    public TimeSpan Max => Latency is null ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Latency.Max);

    /// <summary>The latency at percentile <paramref name="p"/> (0 to 100); zero when nothing succeeded.</summary>
    /// <param name="p">The percentile.</param>
    /// <returns>The latency.</returns>
    public TimeSpan Percentile(double p) => Latency is null ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Latency.Percentile(p));

    /// <summary>The per-interval completions as a throughput snapshot, for <c>Plot.Throughput</c>.</summary>
    /// <returns>The snapshot.</returns>
    public ThroughputSnapshot ToThroughputSnapshot()
    {
        TimeSpan width = Intervals.Count > 0 ? Intervals[0].Width : Elapsed;
        var buckets = Intervals.Select(i => new ThroughputBucket(i.Start, i.Width, i.Completions, i.Width >= width)).ToList();
        return new ThroughputSnapshot(Requests, Elapsed, width, buckets);
    }

    /// <summary>A few lines: totals and throughput, percentiles, backends and errors when there are any.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Mode}: {Requests:N0} requests in {Durations.Format(Elapsed)} = {NumberText.Grouped(Throughput)} req/s, {Errors:N0} errors");
        if (Latency is not null)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture,
                $"latency p50 {Durations.Format(P50)}, p90 {Durations.Format(P90)}, p99 {Durations.Format(P99)}, p99.9 {Durations.Format(P999)}, max {Durations.Format(Max)}");
        }

        if (ByBackend.Count > 0)
        {
            text.AppendLine().Append("backends: ").AppendJoin(", ", ByBackend.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{b.Key} {NumberText.Count(b.Value)}"));
        }

        if (ErrorsByKind.Count > 0)
        {
            text.AppendLine().Append("errors: ").AppendJoin(", ", ErrorsByKind.OrderByDescending(e => e.Value).Select(e => $"{e.Key} × {NumberText.Count(e.Value)}"));
        }

        return text.ToString();
    }
}
