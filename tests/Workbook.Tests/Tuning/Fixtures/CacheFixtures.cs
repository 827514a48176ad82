using System.Collections.Concurrent;
using Workbook.Tuning;

namespace Workbook.Tests.Tuning.Fixtures;

// Exercise 08.1 as the notebook's stub cell shows it (renamed so it can sit beside the solution).
// TODO: one fetch per key however many callers arrive together; a failed fetch must not stay cached.
public sealed class SingleFlightCacheStub : IAsyncCache
{
    public Task<string> GetAsync(string key, Func<string, Task<string>> fetch) => throw new NotImplementedException();
}

// Wrong answer: no cache at all, every call goes to the backend.
public sealed class PassThroughCache : IAsyncCache
{
    public Task<string> GetAsync(string key, Func<string, Task<string>> fetch) => fetch(key);
}

// Wrong answer: one SemaphoreSlim for every key, held across the await; one slow key stalls them all.
public sealed class GlobalLockCache : IAsyncCache
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public async Task<string> GetAsync(string key, Func<string, Task<string>> fetch)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_values.TryGetValue(key, out string? value))
            {
                value = await fetch(key);
                _values[key] = value;
            }

            return value;
        }
        finally
        {
            _gate.Release();
        }
    }
}

// Wrong answer: blocks the caller's thread on the fetch inside a lock (sync over async).
public sealed class BlockingLockCache : IAsyncCache
{
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public Task<string> GetAsync(string key, Func<string, Task<string>> fetch)
    {
        lock (_gate)
        {
            if (!_values.TryGetValue(key, out string? value))
            {
                value = fetch(key).GetAwaiter().GetResult();
                _values[key] = value;
            }

            return Task.FromResult(value);
        }
    }
}

// Wrong answer: evicts failures, but caches the task with a plain GetOrAdd factory that starts the fetch.
public sealed class EagerEvictingCache : IAsyncCache
{
    private readonly ConcurrentDictionary<string, Task<string>> _tasks = new(StringComparer.Ordinal);

    public async Task<string> GetAsync(string key, Func<string, Task<string>> fetch)
    {
        Task<string> task = _tasks.GetOrAdd(key, k => fetch(k));
        try
        {
            return await task;
        }
        catch
        {
            _tasks.TryRemove(new KeyValuePair<string, Task<string>>(key, task));
            throw;
        }
    }
}
