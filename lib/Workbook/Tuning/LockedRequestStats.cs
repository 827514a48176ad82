namespace Workbook.Tuning;

/// <summary>
/// The contention hotspot of exercise 08.2: correct, and simple, but every request of every
/// thread takes the same lock, so under load the threads queue for it.
/// </summary>
/// <remarks>
/// Thread-safe: one lock guards the dictionary and both totals. Under many threads the lock is
/// where they wait, and the runtime counts each wait in <c>Monitor.LockContentionCount</c>.
/// </remarks>
public sealed class LockedRequestStats : IRequestStats
{
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _hits = new(StringComparer.Ordinal);
    private long _totalHits;
    private long _totalMicroseconds;

    /// <inheritdoc />
    public long TotalHits
    {
        get
        {
            lock (_gate)
            {
                return _totalHits;
            }
        }
    }

    /// <inheritdoc />
    public long TotalMicroseconds
    {
        get
        {
            lock (_gate)
            {
                return _totalMicroseconds;
            }
        }
    }

    /// <inheritdoc />
    public void Record(string endpoint, int microseconds)
    {
        ArgumentNullException.ThrowIfNull(endpoint);

        // The hotspot: one lock for everything, taken by every request on every thread.
        lock (_gate)
        {
            _hits[endpoint] = _hits.GetValueOrDefault(endpoint) + 1;
            _totalHits++;
            _totalMicroseconds += microseconds;
        }
    }

    /// <inheritdoc />
    public long Hits(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (_gate)
        {
            return _hits.GetValueOrDefault(endpoint);
        }
    }
}
