// Exercise 08.1: A single-flight cache
#nullable enable
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using Workbook.Tuning;

// Reference solution: one entry per key, holding a Lazy of the fetch's task. Racing threads may
// build several Lazy wrappers, but GetOrAdd keeps one and only that one's Value ever runs fetch,
// so a key has exactly one fetch in flight; other keys have their own entries and never wait.
// A failed fetch removes its entry (only if it is still the same entry), so the next request
// tries again instead of receiving the old error forever.
public sealed class SingleFlightCache : IAsyncCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _entries = new(StringComparer.Ordinal);

    public async Task<string> GetAsync(string key, Func<string, Task<string>> fetch)
    {
        Lazy<Task<string>> entry = _entries.GetOrAdd(key, k => new Lazy<Task<string>>(() => fetch(k)));
        try
        {
            return await entry.Value;
        }
        catch
        {
            // Also covers a fetch that threw before returning a task: Lazy rethrows that from Value.
            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(key, entry));
            throw;
        }
    }
}
