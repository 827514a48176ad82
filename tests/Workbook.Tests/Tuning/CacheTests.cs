using Workbook.Tuning;

namespace Workbook.Tests.Tuning;

public sealed class CacheTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Caches() => [nameof(NaiveCache), nameof(EagerTaskCache), nameof(LazyTaskCache)];

    private static IAsyncCache Create(string name) => name switch
    {
        nameof(NaiveCache) => new NaiveCache(),
        nameof(EagerTaskCache) => new EagerTaskCache(),
        _ => new LazyTaskCache(),
    };

    [Theory]
    [MemberData(nameof(Caches))]
    public async Task GetAsync_SameKeyTwice_FetchesOnce(string name)
    {
        IAsyncCache cache = Create(name);
        var backend = new CountingBackend(TimeSpan.Zero);

        string first = await cache.GetAsync("k", backend.FetchAsync).WaitAsync(s_bound);
        string second = await cache.GetAsync("k", backend.FetchAsync).WaitAsync(s_bound);

        Assert.Equal("k v1", first);
        Assert.Equal(first, second);
        Assert.Equal(1, backend.Calls);
    }

    [Theory]
    [MemberData(nameof(Caches))]
    public async Task GetAsync_TwoKeys_EachFetchedSeparately(string name)
    {
        IAsyncCache cache = Create(name);
        var backend = new CountingBackend(TimeSpan.Zero);

        Assert.Equal("a v1", await cache.GetAsync("a", backend.FetchAsync).WaitAsync(s_bound));
        Assert.Equal("b v2", await cache.GetAsync("b", backend.FetchAsync).WaitAsync(s_bound));
    }

    [Fact]
    public async Task GetAsync_LazyTaskCacheAfterFailure_KeepsTheFailure()
    {
        var cache = new LazyTaskCache();
        var backend = new CountingBackend(TimeSpan.Zero) { FailFirst = 1 };

        await Assert.ThrowsAsync<BackendUnavailableException>(() => cache.GetAsync("k", backend.FetchAsync).WaitAsync(s_bound));
        await Assert.ThrowsAsync<BackendUnavailableException>(() => cache.GetAsync("k", backend.FetchAsync).WaitAsync(s_bound));

        Assert.Equal(1, backend.Calls);
    }

    [Fact]
    public async Task GetAsync_NaiveCacheAfterFailure_FetchesAgain()
    {
        var cache = new NaiveCache();
        var backend = new CountingBackend(TimeSpan.Zero) { FailFirst = 1 };

        await Assert.ThrowsAsync<BackendUnavailableException>(() => cache.GetAsync("k", backend.FetchAsync).WaitAsync(s_bound));

        Assert.Equal("k v2", await cache.GetAsync("k", backend.FetchAsync).WaitAsync(s_bound));
    }

    [Theory]
    [MemberData(nameof(Caches))]
    public async Task GetAsync_NullKey_Throws(string name) =>
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await Create(name).GetAsync(null!, k => Task.FromResult(k)));
}
