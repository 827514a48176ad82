using System.Globalization;
using Workbook.Exercises;

namespace Workbook.SideBySide;

/// <summary>
/// The check of exercise 10.1: a C# port of <c>functools.lru_cache</c> must count the same hits and
/// misses as Python's, call for call, evict the least recently used key, store nothing with
/// maxsize 0, call the function once per miss only, and stay exact when many threads call it.
/// </summary>
internal static class LruCacheCheck
{
    private const int ConcurrentMaxSize = 32;
    private const int ConcurrentKeys = 64;
    private static readonly TimeSpan s_roundLength = TimeSpan.FromMilliseconds(400);

    /// <summary>The function every cache wraps: distinct from the key, so returning the key is caught.</summary>
    internal static long Function(int key) => ((long)key * key) + 1;

    public static string Verify(Func<LruCacheFactory> create, CheckContext context)
    {
        LruCacheFactory factory = create();
        var calls = new CallCounter();
        ILruCache cache = factory(calls.Wrap(Function), 3) ?? throw new ExerciseFailedException(
            "your factory returned null; return your cache, e.g. (function, maxSize) => new PortedLruCache(function, maxSize).");
        CacheInfo fresh = cache.Info;
        context.Require(fresh == new CacheInfo(0, 0, 3, 0), $"a new cache made with maxSize 3 should report {new CacheInfo(0, 0, 3, 0)}, as Python's cache_info() does; yours reports {fresh}.");

        long first = cache.Get(5);
        context.Require(first == Function(5), $"Get(5) returned {first}; it must return the function's value for 5, which is {Function(5)}.");
        long second = cache.Get(5);
        context.Require(second == Function(5), $"the second Get(5) returned {second}; a hit must return the stored value, {Function(5)}.");
        context.Require(calls.Count == 1, $"after Get(5) twice your cache had called the function {calls.Count} times; the second call is a hit and must not call it again.");
        CacheInfo afterTwo = cache.Info;
        context.Require(afterTwo == new CacheInfo(1, 1, 3, 1), $"after Get(5) twice Python reports {new CacheInfo(1, 1, 3, 1)}; yours reports {afterTwo}.");

        // Each trace separates the real rule from one of the usual mistakes (see LruModel.Mistakes).
        Trace(factory, 3, [1, 2, 3, 1, 4, 1, 2, 3], context);
        Trace(factory, 2, [1, 2, 1, 3, 2, 1, 3, 3], context);
        Trace(factory, 1, [7, 7, 8, 7, 7], context);
        NothingStored(factory, context);
        int randomCalls = Random(factory, context);
        (int threads, long concurrentCalls) = Concurrent(factory, context);
        return $"hits, misses and evictions match Python's lru_cache call for call (maxsize 0, 1, 2, 3, and 16 over {randomCalls:N0} seeded calls), "
            + $"the function runs once per miss, and {threads} threads making {concurrentCalls:N0} calls at once were all counted exactly.";
    }

    private static void Trace(LruCacheFactory factory, int maxSize, int[] keys, CheckContext context)
    {
        var calls = new CallCounter();
        ILruCache cache = factory(calls.Wrap(Function), maxSize);
        var yours = new bool[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            long hitsBefore = cache.Info.Hits;
            long value = cache.Get(keys[i]);
            context.Require(value == Function(keys[i]), $"Get({keys[i]}) returned {value}; the function's value is {Function(keys[i])}.");
            CacheInfo now = cache.Info;
            context.Require(
                now.Hits + now.Misses == i + 1,
                $"after {i + 1} calls your cache reports {now}: hits + misses must equal the number of calls, each call is exactly one of the two.");
            yours[i] = now.Hits > hitsBefore;
        }

        LruModel python = LruModel.Python(maxSize);
        bool[] expected = python.Hits(keys);
        int differs = FirstDifference(expected, yours);
        if (differs >= 0)
        {
            string diagnosis = LruModel.Mistakes(maxSize).FirstOrDefault(m => m.Model.Hits(keys).SequenceEqual(yours)).Explanation
                ?? "compare your hit/miss sequence with Python's, call by call.";
            string held = string.Join(", ", python.HeldAfter(keys, differs));
            context.Fail(
                $"with maxsize={maxSize} and the calls {string.Join(", ", keys)}, call {differs + 1} (key {keys[differs]}) is a {(expected[differs] ? "hit" : "miss")} "
                + $"in Python's lru_cache, which then holds [{held}] (least recently used first); yours counted a {(yours[differs] ? "hit" : "miss")}. "
                + $"Python's sequence: {Pattern(expected)}, yours: {Pattern(yours)}. Most likely {diagnosis}");
        }

        CacheInfo info = cache.Info;
        int expectedSize = python.HeldAfter(keys, keys.Length).Count;
        context.Require(info.CurrentSize == expectedSize, $"after the calls {string.Join(", ", keys)} with maxsize={maxSize}, Python's currsize is {expectedSize}; yours is {info.CurrentSize}.");
        context.Require(
            calls.Count == info.Misses,
            $"with maxsize={maxSize} your cache called the function {calls.Count} times for {info.Misses} misses; call it exactly once per miss and never on a hit.");
    }

    private static void NothingStored(LruCacheFactory factory, CheckContext context)
    {
        var calls = new CallCounter();
        ILruCache cache = factory(calls.Wrap(Function), 0);
        int[] keys = [1, 1, 2, 1];
        foreach (int key in keys)
        {
            long value = cache.Get(key);
            context.Require(value == Function(key), $"with maxsize=0, Get({key}) returned {value}; the function's value is {Function(key)}.");
        }

        CacheInfo info = cache.Info;
        var python = new CacheInfo(0, keys.Length, 0, 0);
        context.Require(
            info == python && calls.Count == keys.Length,
            $"lru_cache(maxsize=0) stores nothing: every call is a miss that runs the function. After the calls 1, 1, 2, 1 Python reports {python}; "
            + $"yours reports {info} and ran the function {calls.Count} times. maxsize 0 means 'no cache', not 'no limit'.");
    }

    private static int Random(LruCacheFactory factory, CheckContext context)
    {
        const int MaxSize = 16, Calls = 3_000;
        Random random = context.CreateRandom(10);

        // Skewed like real traffic: most calls go to a few hot keys, so hits and evictions both happen.
        int[] keys = [.. Enumerable.Range(0, Calls).Select(_ => random.Next(4) != 0 ? random.Next(12) : 12 + random.Next(40))];
        var reference = new LruCache(Function, MaxSize);
        ILruCache cache = factory(Function, MaxSize);
        for (int i = 0; i < keys.Length; i++)
        {
            long value = cache.Get(keys[i]);
            reference.Get(keys[i]);
            context.Require(value == Function(keys[i]), $"call {i + 1} of a seeded run, Get({keys[i]}), returned {value} instead of {Function(keys[i])}.");
        }

        CacheInfo mine = cache.Info, python = reference.Info;
        context.Require(
            mine == python,
            $"after {Calls:N0} seeded calls with maxsize={MaxSize} (75 % of them to 12 hot keys), Python's lru_cache would report {python}; yours reports {mine}.");
        return Calls;
    }

    private static (int Threads, long Calls) Concurrent(LruCacheFactory factory, CheckContext context)
    {
        int threads = context.ThreadCount;
        var calls = new CallCounter();
        ILruCache cache = factory(calls.Wrap(Function), ConcurrentMaxSize);
        Random[] randoms = [.. Enumerable.Range(0, threads).Select(t => context.CreateRandom(100 + t))];
        long wrong = 0;
        long total = 0;
        for (int round = 0; round < 2; round++)
        {
            ConcurrentRun run;
            try
            {
                run = context.RunThreadsFor(threads, s_roundLength, t =>
                {
                    int key = randoms[t].Next(ConcurrentKeys);
                    if (cache.Get(key) != Function(key))
                    {
                        Interlocked.Increment(ref wrong);
                    }
                });
            }
            catch (AggregateException error) when (error.InnerExceptions.Count > 0)
            {
                Exception inner = error.InnerExceptions[0];
                context.Fail(
                    $"with {threads} threads calling Get at once your cache threw {inner.GetType().Name}: {inner.Message} "
                    + "lru_cache is safe to call from many threads; Dictionary and LinkedList are not, so guard them (and the counters) with one lock.");
                return default;
            }

            total += run.TotalCalls;
        }

        CacheInfo info = cache.Info;
        context.Require(wrong == 0, $"with {threads} threads at once, {wrong:N0} calls returned a value that is not the function's value for their key.");
        context.Require(
            info.Hits + info.Misses == total,
            string.Create(CultureInfo.InvariantCulture, $"{threads} threads made {total:N0} calls at once, but your cache counted {info.Hits:N0} hits + {info.Misses:N0} misses = {info.Hits + info.Misses:N0}: ")
            + "counts were lost to a race. Update the counters under the same lock as the entries.");
        context.Require(info.CurrentSize <= ConcurrentMaxSize, $"with {threads} threads at once your cache grew to {info.CurrentSize} entries; maxsize is {ConcurrentMaxSize}.");
        context.Require(calls.Count == info.Misses, $"with {threads} threads at once your cache ran the function {calls.Count:N0} times but counted {info.Misses:N0} misses.");
        return (threads, total);
    }

    private static int FirstDifference(bool[] expected, bool[] actual)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (expected[i] != actual[i])
            {
                return i;
            }
        }

        return -1;
    }

    private static string Pattern(bool[] hits) => string.Join(" ", hits.Select(h => h ? "hit" : "miss"));

    /// <summary>Counts calls of a function, from any number of threads.</summary>
    private sealed class CallCounter
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public Func<int, long> Wrap(Func<int, long> function) => key =>
        {
            Interlocked.Increment(ref _count);
            return function(key);
        };
    }
}
