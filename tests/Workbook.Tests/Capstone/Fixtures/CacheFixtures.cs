using System.Collections.Concurrent;
using Workbook.Capstone;

namespace Workbook.Tests.Capstone.Fixtures;

// Exercise 09.3 as the notebook's stub cell shows it.
// TODO: store each key's pending computation so concurrent requests share it; forget failures.
public sealed class QuoteCacheStub : IQuoteCache
{
    public Task<long> GetOrComputeAsync(int key, Func<int, Task<long>> compute) => throw new NotImplementedException();
}

// Wrong answer: no cache at all.
public sealed class NoCache : IQuoteCache
{
    public Task<long> GetOrComputeAsync(int key, Func<int, Task<long>> compute) => compute(key);
}

// Wrong answer: stores values only once they are ready: every request before that computes too (a stampede).
public sealed class ValueOnlyCache : IQuoteCache
{
    private readonly ConcurrentDictionary<int, long> _values = new();

    public async Task<long> GetOrComputeAsync(int key, Func<int, Task<long>> compute)
    {
        if (_values.TryGetValue(key, out long value))
        {
            return value;
        }

        value = await compute(key);
        _values[key] = value;
        return value;
    }
}

// Wrong answer: GetOrAdd's value factory starts the computation, and may run on several racing threads.
public sealed class FactoryStampedeCache : IQuoteCache
{
    private readonly ConcurrentDictionary<int, Task<long>> _tasks = new();

    public Task<long> GetOrComputeAsync(int key, Func<int, Task<long>> compute) => _tasks.GetOrAdd(key, compute);
}

// Wrong answer: single flight, but a failed computation stays in the cache for ever.
public sealed class FailureKeepingCache : IQuoteCache
{
    private readonly ConcurrentDictionary<int, Lazy<Task<long>>> _entries = new();

    public Task<long> GetOrComputeAsync(int key, Func<int, Task<long>> compute) =>
        _entries.GetOrAdd(key, k => new Lazy<Task<long>>(() => compute(k))).Value;
}

// Wrong answer: one semaphore around every computation, so all keys queue behind the slowest.
public sealed class GlobalLockCache : IQuoteCache
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<int, long> _values = [];

    public async Task<long> GetOrComputeAsync(int key, Func<int, Task<long>> compute)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_values.TryGetValue(key, out long value))
            {
                value = await compute(key);
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
