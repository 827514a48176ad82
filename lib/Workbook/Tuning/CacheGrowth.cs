using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace Workbook.Tuning;

/// <summary>
/// What an unbounded cache costs: memoising by a key that keeps changing (a user id, a URL with a
/// query string) keeps every value ever computed. The demo inserts the same distinct keys into a
/// plain <see cref="ConcurrentDictionary{TKey, TValue}"/> and into a <see cref="MemoryCache"/> with
/// a <see cref="MemoryCacheOptions.SizeLimit"/>, and measures the live heap each holds.
/// </summary>
/// <remarks>
/// Memory is measured with <see cref="GC.GetTotalMemory(bool)"/> after a full, blocking collection,
/// so only what the cache keeps alive counts. That is process-wide: run it while nothing else
/// allocates much. Both caches are dropped before the method returns. Not meant to be called from
/// several threads at once (the measurements would mix).
/// </remarks>
public static class CacheGrowth
{
    /// <summary>Inserts <paramref name="keys"/> distinct keys into both caches, measuring every <paramref name="step"/> keys.</summary>
    /// <param name="keys">Distinct keys to insert; at least <paramref name="step"/>.</param>
    /// <param name="valueBytes">Size of each cached value (a byte array); at least 1.</param>
    /// <param name="step">Keys between measurements; at least 1.</param>
    /// <param name="sizeLimit">The bounded cache's capacity, in entries (each entry has size 1).</param>
    /// <returns>One point per step, for both caches.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static IReadOnlyList<CacheGrowthPoint> Measure(int keys = 100_000, int valueBytes = 512, int step = 10_000, int sizeLimit = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        ArgumentOutOfRangeException.ThrowIfLessThan(keys, step);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(valueBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizeLimit);

        var unbounded = new List<(int Count, double Megabytes)>();
        var bounded = new List<(int Count, double Megabytes)>();
        {
            var dictionary = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
            long baseline = LiveBytes();
            for (int done = step; done <= keys; done += step)
            {
                for (int k = done - step; k < done; k++)
                {
                    dictionary.TryAdd(Key(k), new byte[valueBytes]);
                }

                unbounded.Add((dictionary.Count, Megabytes(LiveBytes() - baseline)));
            }

            GC.KeepAlive(dictionary);
        }

        using (var cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = sizeLimit }))
        {
            long baseline = LiveBytes();
            for (int done = step; done <= keys; done += step)
            {
                for (int k = done - step; k < done; k++)
                {
                    // Each entry counts 1 towards SizeLimit; when the cache is full, new entries are
                    // refused and a background compaction evicts some of the least recently used ones.
                    cache.Set(Key(k), new byte[valueBytes], new MemoryCacheEntryOptions { Size = 1 });
                }

                bounded.Add((cache.Count, Megabytes(LiveBytes() - baseline)));
            }
        }

        return [.. unbounded.Zip(bounded, (u, b) => new CacheGrowthPoint(0, u.Count, u.Megabytes, b.Count, b.Megabytes))
            .Select((point, i) => point with { KeysInserted = (i + 1) * step })];
    }

    private static string Key(int k) => $"/products?id={k}&ref=campaign";

    private static long LiveBytes() => GC.GetTotalMemory(forceFullCollection: true);

    private static double Megabytes(long bytes) => Math.Max(0, bytes) / (1024.0 * 1024.0);
}
