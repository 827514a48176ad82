using Workbook.Tuning;

namespace Workbook.Tests.Tuning;

public sealed class CountingBackendTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task FetchAsync_SeveralKeys_CountsEveryCallAndNumbersTheValues()
    {
        var backend = new CountingBackend(TimeSpan.Zero);

        string first = await backend.FetchAsync("a").WaitAsync(s_bound);
        string second = await backend.FetchAsync("a").WaitAsync(s_bound);
        string third = await backend.FetchAsync("b").WaitAsync(s_bound);

        Assert.Equal(["a v1", "a v2", "b v3"], [first, second, third]);
        Assert.Equal(3, backend.Calls);
        Assert.Equal(2, backend.CallsFor("a"));
        Assert.Equal(1, backend.CallsFor("b"));
        Assert.Equal(0, backend.CallsFor("c"));
    }

    [Fact]
    public async Task FetchAsync_FailFirstTwo_ThirdSucceeds()
    {
        var backend = new CountingBackend(TimeSpan.Zero) { FailFirst = 2 };

        await Assert.ThrowsAsync<BackendUnavailableException>(() => backend.FetchAsync("k").WaitAsync(s_bound));
        await Assert.ThrowsAsync<BackendUnavailableException>(() => backend.FetchAsync("k").WaitAsync(s_bound));
        Assert.Equal("k v3", await backend.FetchAsync("k").WaitAsync(s_bound));
    }

    [Fact]
    public async Task FetchAsync_ConcurrentCalls_PeakInFlightCountsThem()
    {
        var backend = new CountingBackend(TimeSpan.FromSeconds(1));

        // Started back to back, 10 calls of one second overlap whatever the machine's load.
        Task<string>[] calls = [.. Enumerable.Range(0, 10).Select(i => backend.FetchAsync($"k{i}"))];
        await Task.WhenAll(calls).WaitAsync(s_bound);

        Assert.Equal(10, backend.PeakInFlight);
    }

    [Fact]
    public void Constructor_NegativeLatency_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CountingBackend(TimeSpan.FromMilliseconds(-1)));
}
