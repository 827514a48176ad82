// Exercise 09.3: A single-flight cache
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using Workbook.Capstone;

// Reference solution: the dictionary stores the pending computation (a Lazy<Task>), so every request after
// the first miss awaits the same task; a computation that fails is removed, so the next request tries again.
public sealed class QuoteCache : IQuoteCache
{
    private readonly ConcurrentDictionary<int, Lazy<Task<long>>> _entries = new();

    public async Task<long> GetOrComputeAsync(int key, Func<int, Task<long>> compute)
    {
        // GetOrAdd may build a Lazy on several racing threads, but only the stored one is ever read.
        var entry = _entries.GetOrAdd(key, k => new Lazy<Task<long>>(() => compute(k)));
        try
        {
            return await entry.Value;
        }
        catch
        {
            _entries.TryRemove(new KeyValuePair<int, Lazy<Task<long>>>(key, entry));
            throw;
        }
    }
}
