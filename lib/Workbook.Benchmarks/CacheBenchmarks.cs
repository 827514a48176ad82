using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Caching.Memory;
using Workbook.Tuning;

namespace Workbook.Benchmarks;

/// <summary>
/// What a cache <em>hit</em> costs, for chapter 08's caches: a plain concurrent dictionary, a
/// <see cref="MemoryCache"/> entry with an expiry, and an awaited single-flight lookup whose task
/// has completed.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes. Every lookup hits.</remarks>
public class CacheBenchmarks
{
    private const string Key = "product:42";
    private readonly ConcurrentDictionary<string, string> _dictionary = new(StringComparer.Ordinal);
    private readonly LazyTaskCache _singleFlight = new();
    private MemoryCache _memoryCache = null!;

    /// <summary>Fills every cache with the key.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _dictionary[Key] = "value";
        _memoryCache = new MemoryCache(new MemoryCacheOptions());
        _memoryCache.Set(Key, "value", TimeSpan.FromHours(1));
        _singleFlight.GetAsync(Key, _ => Task.FromResult("value")).GetAwaiter().GetResult();
    }

    /// <summary>Releases the memory cache.</summary>
    [GlobalCleanup]
    public void Cleanup() => _memoryCache.Dispose();

    /// <summary>A hit in a concurrent dictionary.</summary>
    /// <returns>The value.</returns>
    [Benchmark(Baseline = true)]
    public string? DictionaryHit() => _dictionary.TryGetValue(Key, out string? value) ? value : null;

    /// <summary>A hit in a MemoryCache (checks the entry's expiry).</summary>
    /// <returns>The value.</returns>
    [Benchmark]
    public string? MemoryCacheHit() => _memoryCache.TryGetValue(Key, out string? value) ? value : null;

    /// <summary>A hit in the single-flight cache, awaited.</summary>
    /// <returns>The value.</returns>
    [Benchmark]
    public async Task<string> SingleFlightHit() => await _singleFlight.GetAsync(Key, _ => Task.FromResult("value")).ConfigureAwait(false);
}
