using Workbook.Processes;

namespace Workbook.SideBySide;

/// <summary>
/// The C# half of <see cref="Technique.Caching"/>: a CPU-bound function called for a skewed stream
/// of keys, directly and through <see cref="LruCache"/>, which behaves like
/// <c>functools.lru_cache(maxsize=…)</c>, so both sides count the same hits and misses.
/// </summary>
internal static class CachingWorkload
{
    /// <summary>The function worth caching: the primes among 20 numbers that depend on the key (as in Python).</summary>
    internal static long Expensive(int key) => CpuWork.CountPrimes(key * 20L, (key * 20L) + 20);

    /// <summary>Three calls in four go to 64 hot keys, the rest spread over 1,000 cold ones (as in Python).</summary>
    internal static int[] Keys(int calls, ulong seed)
    {
        var random = new Lcg(seed);
        var keys = new int[calls];
        for (int i = 0; i < calls; i++)
        {
            long value = random.Next();
            keys[i] = (int)((value >> 20) % 4 != 0 ? value % 64 : 64 + (value % 1000));
        }

        return keys;
    }

    public static SideMeasurement Run(Workload workload, CancellationToken cancellationToken)
    {
        int[] keys = Keys(workload.Int("calls"), (ulong)workload["seed"]);
        int maxSize = workload.Int("maxsize");
        CacheInfo info = default!;
        long Uncached() => keys.Sum(Expensive);
        long Cached()
        {
            // A fresh cache every round, so every round starts cold and counts the same hits and misses.
            var cache = new LruCache(Expensive, maxSize);
            long total = keys.Sum(k => cache.Get(k));
            info = cache.Info;
            return total;
        }

        Uncached();
        (Dictionary<string, double> best, Dictionary<string, long> sums) = Rounds.Run<long>(
            Rounds.ForShortRuns(workload["repeats"]),
            [("uncached", Uncached), ("cached", Cached)],
            cancellationToken);
        return Rounds.Measurement(
            [("checksum", Rounds.Same(sums, "the checksum")), ("hits", info.Hits), ("misses", info.Misses), ("size", info.CurrentSize)],
            best);
    }
}
