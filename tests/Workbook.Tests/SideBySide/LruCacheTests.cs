using Workbook.SideBySide;

namespace Workbook.Tests.SideBySide;

/// <summary>The library's lru_cache port, which the caching workload and exercise 10.1's check rely on.</summary>
public sealed class LruCacheTests
{
    private int _calls;

    private long Square(int key)
    {
        Interlocked.Increment(ref _calls);
        return (long)key * key;
    }

    [Fact]
    public void Get_SameKeyTwice_SecondIsAHitWithoutCallingTheFunction()
    {
        var cache = new LruCache(Square, 4);

        Assert.Equal(49, cache.Get(7));
        Assert.Equal(49, cache.Get(7));

        Assert.Equal(new CacheInfo(1, 1, 4, 1), cache.Info);
        Assert.Equal(1, _calls);
    }

    [Fact]
    public void Get_Full_EvictsTheLeastRecentlyUsedNotTheOldest()
    {
        var cache = new LruCache(Square, 3);
        foreach (int key in new[] { 1, 2, 3, 1, 4 })
        {
            cache.Get(key);   // the hit on 1 makes 2 the least recently used, so 4 evicts 2
        }

        CacheInfo before = cache.Info;
        cache.Get(1);
        Assert.Equal(before.Hits + 1, cache.Info.Hits);
        cache.Get(2);
        Assert.Equal(before.Misses + 1, cache.Info.Misses);
        Assert.Equal(3, cache.Info.CurrentSize);
    }

    [Fact]
    public void Get_MaxSizeZero_StoresNothingAndAlwaysCalls()
    {
        var cache = new LruCache(Square, 0);
        cache.Get(1);
        cache.Get(1);

        Assert.Equal(new CacheInfo(0, 2, 0, 0), cache.Info);
        Assert.Equal(2, _calls);
    }

    [Fact]
    public void Get_FunctionThrows_CountsAMissStoresNothingAndRethrows()
    {
        var cache = new LruCache(key => key < 0 ? throw new ArgumentOutOfRangeException(nameof(key)) : key, 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => cache.Get(-1));

        Assert.Equal(new CacheInfo(0, 1, 2, 0), cache.Info);
    }

    [Fact]
    public void Constructor_NegativeMaxSizeOrNoFunction_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LruCache(Square, -1));
        Assert.Throws<ArgumentNullException>(() => new LruCache(null!, 1));
    }

    [Fact]
    public async Task Get_ManyThreadsAtOnce_EveryCallCountedOnceAndSizeBounded()
    {
        const int Threads = 4, CallsEach = 20_000, MaxSize = 16;
        var cache = new LruCache(Square, MaxSize);
        using var start = new Barrier(Threads);
        long wrong = 0;
        Task[] workers =
        [
            .. Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
                () =>
                {
                    var random = new Random(t);
                    start.SignalAndWait(Support.Bound);   // every thread starts calling at the same moment
                    for (int i = 0; i < CallsEach; i++)
                    {
                        int key = random.Next(40);
                        if (cache.Get(key) != (long)key * key)
                        {
                            Interlocked.Increment(ref wrong);
                        }
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default)),
        ];

        await Task.WhenAll(workers).WaitAsync(Support.Bound);
        CacheInfo info = cache.Info;
        Assert.Equal(0, wrong);
        Assert.Equal(Threads * CallsEach, info.Hits + info.Misses);
        Assert.Equal(info.Misses, _calls);
        Assert.InRange(info.CurrentSize, 1, MaxSize);
    }

    [Fact]
    public void Info_ToString_SpellsItLikePython() =>
        Assert.Equal("CacheInfo(hits=3, misses=5, maxsize=4, currsize=4)", new CacheInfo(3, 5, 4, 4).ToString());
}
