// Exercise 08.2: Remove a contention hotspot
#nullable enable
using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Workbook.Tuning;

// Reference solution: no lock on the request path. Each number is its own atomic counter; the
// per-endpoint counters live in boxes that the dictionary stores once per endpoint, so after the
// first request to an endpoint, GetOrAdd is a lock-free lookup and the count an Interlocked increment.
public sealed class RequestStats : IRequestStats
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _hits = new(StringComparer.Ordinal);
    private long _totalHits;
    private long _totalMicroseconds;

    public long TotalHits => Interlocked.Read(ref _totalHits);

    public long TotalMicroseconds => Interlocked.Read(ref _totalMicroseconds);

    public void Record(string endpoint, int microseconds)
    {
        StrongBox<long> hits = _hits.GetOrAdd(endpoint, static _ => new StrongBox<long>());
        Interlocked.Increment(ref hits.Value);
        Interlocked.Increment(ref _totalHits);
        Interlocked.Add(ref _totalMicroseconds, microseconds);
    }

    public long Hits(string endpoint) =>
        _hits.TryGetValue(endpoint, out StrongBox<long>? hits) ? Interlocked.Read(ref hits.Value) : 0;
}
