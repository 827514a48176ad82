using System.Collections.Concurrent;
using Workbook.Tuning;

namespace Workbook.Tests.Tuning.Fixtures;

// Exercise 08.2 as the notebook's stub cell shows it (renamed so it can sit beside the solution).
// TODO: the same statistics as LockedRequestStats, without a lock on the per-request path.
public sealed class RequestStatsStub : IRequestStats
{
    public long TotalHits => throw new NotImplementedException();

    public long TotalMicroseconds => throw new NotImplementedException();

    public void Record(string endpoint, int microseconds) => throw new NotImplementedException();

    public long Hits(string endpoint) => throw new NotImplementedException();
}

// Wrong answer: the original hotspot handed in unchanged (through the library's own class).
public sealed class OriginalHotspot : IRequestStats
{
    private readonly LockedRequestStats _inner = new();

    public long TotalHits => _inner.TotalHits;

    public long TotalMicroseconds => _inner.TotalMicroseconds;

    public void Record(string endpoint, int microseconds) => _inner.Record(endpoint, microseconds);

    public long Hits(string endpoint) => _inner.Hits(endpoint);
}

// Wrong answer: drops the lock and trusts ConcurrentDictionary, but read-modify-write loses updates.
public sealed class LostUpdateStats : IRequestStats
{
    private readonly ConcurrentDictionary<string, long> _hits = new(StringComparer.Ordinal);
    private long _totalHits;
    private long _totalMicroseconds;

    public long TotalHits => _totalHits;

    public long TotalMicroseconds => _totalMicroseconds;

    public void Record(string endpoint, int microseconds)
    {
        _hits[endpoint] = _hits.GetValueOrDefault(endpoint) + 1;
        _totalHits++;
        _totalMicroseconds += microseconds;
    }

    public long Hits(string endpoint) => _hits.GetValueOrDefault(endpoint);
}

// Wrong answer: a lock per endpoint; the hot endpoint (/home, half the traffic) still contends.
public sealed class LockPerEndpointStats : IRequestStats
{
    private readonly ConcurrentDictionary<string, Counter> _hits = new(StringComparer.Ordinal);
    private long _totalHits;
    private long _totalMicroseconds;

    public long TotalHits => Interlocked.Read(ref _totalHits);

    public long TotalMicroseconds => Interlocked.Read(ref _totalMicroseconds);

    public void Record(string endpoint, int microseconds)
    {
        Counter counter = _hits.GetOrAdd(endpoint, _ => new Counter());
        lock (counter)
        {
            counter.Value++;
        }

        Interlocked.Increment(ref _totalHits);
        Interlocked.Add(ref _totalMicroseconds, microseconds);
    }

    public long Hits(string endpoint)
    {
        if (!_hits.TryGetValue(endpoint, out Counter? counter))
        {
            return 0;
        }

        lock (counter)
        {
            return counter.Value;
        }
    }

    private sealed class Counter
    {
        public long Value;
    }
}

// Wrong answer: exact counts through AddOrUpdate, but every update takes the key's stripe lock,
// and half the traffic updates the same key.
public sealed class AddOrUpdateStats : IRequestStats
{
    private readonly ConcurrentDictionary<string, long> _hits = new(StringComparer.Ordinal);
    private long _totalHits;
    private long _totalMicroseconds;

    public long TotalHits => Interlocked.Read(ref _totalHits);

    public long TotalMicroseconds => Interlocked.Read(ref _totalMicroseconds);

    public void Record(string endpoint, int microseconds)
    {
        _hits.AddOrUpdate(endpoint, 1, static (_, n) => n + 1);
        Interlocked.Increment(ref _totalHits);
        Interlocked.Add(ref _totalMicroseconds, microseconds);
    }

    public long Hits(string endpoint) => _hits.GetValueOrDefault(endpoint);
}
