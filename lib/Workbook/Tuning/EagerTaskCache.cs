using System.Collections.Concurrent;

namespace Workbook.Tuning;

/// <summary>
/// Caches the <em>task</em> rather than the value, with
/// <c>ConcurrentDictionary.GetOrAdd(key, k =&gt; fetch(k))</c>: callers that arrive while the fetch
/// is in flight share it. Nearly single-flight, but not quite.
/// </summary>
/// <remarks>
/// Thread-safe, but <c>GetOrAdd</c> runs its value factory outside its lock: two threads that
/// miss at the same moment both call the factory, which here <em>starts a fetch</em>, and only
/// one of the two tasks is kept. So a burst of concurrent misses can still make a few backend
/// calls. A failed task stays in the dictionary for good, so the failure is cached forever.
/// </remarks>
public sealed class EagerTaskCache : IAsyncCache
{
    private readonly ConcurrentDictionary<string, Task<string>> _tasks = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<string> GetAsync(string key, Func<string, Task<string>> fetch)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fetch);

        // The factory may run on several racing threads; each run starts a real fetch.
        return _tasks.GetOrAdd(key, k => fetch(k));
    }
}
