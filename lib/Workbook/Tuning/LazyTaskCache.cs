using System.Collections.Concurrent;

namespace Workbook.Tuning;

/// <summary>
/// Single-flight with <c>Lazy&lt;Task&lt;string&gt;&gt;</c>: racing threads may create several
/// cheap <see cref="Lazy{T}"/> wrappers, but only the one the dictionary keeps is ever asked for
/// its value, so the fetch starts exactly once per key. It still caches a failed fetch forever.
/// </summary>
/// <remarks>
/// Thread-safe. <see cref="Lazy{T}"/> in its default mode
/// (<see cref="LazyThreadSafetyMode.ExecutionAndPublication"/>) runs the factory once even when
/// several threads read <c>Value</c> together. What it lacks is eviction: a fetch that failed stays
/// cached, and every later request for that key gets the same exception without a new attempt
/// (exercise 08.1 fixes that).
/// </remarks>
public sealed class LazyTaskCache : IAsyncCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _entries = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<string> GetAsync(string key, Func<string, Task<string>> fetch)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fetch);

        // Creating a Lazy is cheap and starts nothing; only the stored one's Value runs fetch.
        return _entries.GetOrAdd(key, k => new Lazy<Task<string>>(() => fetch(k))).Value;
    }
}
