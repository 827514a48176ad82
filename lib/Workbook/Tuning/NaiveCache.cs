using System.Collections.Concurrent;

namespace Workbook.Tuning;

/// <summary>
/// The cache most people write first: look the key up, and on a miss fetch the value and store it.
/// Correct one request at a time, it lets every request that arrives during the fetch miss too:
/// the cache stampede.
/// </summary>
/// <remarks>
/// Thread-safe in the narrow sense (the dictionary is concurrent, nothing is corrupted), but not
/// single-flight: N concurrent misses for one key make N backend calls. A failed fetch stores
/// nothing, so the next request tries again.
/// </remarks>
public sealed class NaiveCache : IAsyncCache
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<string> GetAsync(string key, Func<string, Task<string>> fetch)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fetch);
        if (_values.TryGetValue(key, out string? cached))
        {
            return cached;
        }

        // Check-then-act across an await: until this fetch completes, every other caller also
        // finds nothing above and starts a fetch of its own.
        string value = await fetch(key).ConfigureAwait(false);
        _values[key] = value;
        return value;
    }
}
