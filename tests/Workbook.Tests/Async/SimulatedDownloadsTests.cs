using Microsoft.Extensions.Time.Testing;
using Workbook.Async;

namespace Workbook.Tests.Async;

public sealed class SimulatedDownloadsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task FetchAsync_FakeClock_AllInFlightUntilTheLatencyPasses()
    {
        var clock = new FakeTimeProvider();
        var server = new SimulatedDownloads(TimeSpan.FromMilliseconds(100), clock);
        IReadOnlyList<string> urls = SimulatedDownloads.Urls(5);

        Task<string>[] fetches = [.. urls.Select(url => server.FetchAsync(url))];
        Assert.Equal(5, server.InFlight.Current);
        Assert.DoesNotContain(fetches, f => f.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(100));
        string[] bodies = await Task.WhenAll(fetches).WaitAsync(Bound);

        Assert.Equal(urls.Select(u => "body of " + u), bodies);
        Assert.Equal(0, server.InFlight.Current);
        Assert.Equal(5, server.InFlight.Peak);
    }

    [Fact]
    public async Task FetchAsync_Cancelled_ThrowsAndLeavesNothingInFlight()
    {
        var server = new SimulatedDownloads(TimeSpan.FromHours(1));
        using var cts = new CancellationTokenSource();

        Task<string> fetch = server.FetchAsync("https://example.test/x", cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch.WaitAsync(Bound));
        Assert.Equal(0, server.InFlight.Current);
    }

    [Fact]
    public void Urls_Count_NumberedFromZero()
    {
        Assert.Equal(["https://example.test/file/0", "https://example.test/file/1"], SimulatedDownloads.Urls(2));
        Assert.Empty(SimulatedDownloads.Urls(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedDownloads.Urls(-1));
    }

    [Fact]
    public void Constructor_NonPositiveLatency_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedDownloads(TimeSpan.Zero));
}
