using Workbook.Charts;
using Workbook.Tuning;

namespace Workbook.Tests.Tuning;

public sealed class StampedeTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RunAsync_LazyTaskCache_ExactlyOneBackendCall()
    {
        StampedeResult result = await Stampede.RunAsync(new LazyTaskCache(), requests: 1_000).WaitAsync(s_bound);

        Assert.Equal(1_000, result.Requests);
        Assert.Equal(1, result.BackendCalls);
        Assert.Equal(1, result.DistinctValues);
        Assert.Equal(0, result.Failed);
    }

    [Fact]
    public async Task RunAsync_NaiveCacheWithSlowBackend_EveryRequestReachesTheBackend()
    {
        // Two seconds of latency: all 200 requests are issued long before the first fetch completes.
        var backend = new CountingBackend(TimeSpan.FromSeconds(2));

        StampedeResult result = await Stampede.RunAsync(new NaiveCache(), requests: 200, backend: backend).WaitAsync(s_bound);

        Assert.Equal(200, result.BackendCalls);
        Assert.Equal(200, result.DistinctValues);
        Assert.Equal(0, result.Failed);
    }

    [Fact]
    public async Task RunAsync_FailingBackend_CountsFailedRequests()
    {
        var backend = new CountingBackend(TimeSpan.FromMilliseconds(10)) { FailFirst = 1 };

        StampedeResult result = await Stampede.RunAsync(new LazyTaskCache(), requests: 50, backend: backend).WaitAsync(s_bound);

        Assert.Equal(50, result.Failed);
        Assert.Equal(1, result.BackendCalls);
    }

    [Fact]
    public async Task RunAsync_ZeroRequests_Throws() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Stampede.RunAsync(new NaiveCache(), requests: 0).WaitAsync(s_bound));

    [Fact]
    public void Chart_Results_OneBarPerCache()
    {
        var chart = Stampede.Chart([new StampedeResult("A", 10, 10, 10, 10, 0, TimeSpan.FromMilliseconds(5)), new StampedeResult("B", 10, 1, 1, 1, 0, TimeSpan.FromMilliseconds(5))]);

        string html = ChartHtml.Render(chart);
        Assert.Contains("\"log\"", html, StringComparison.Ordinal);
        Assert.Contains("Backend calls for 10 concurrent requests", html, StringComparison.Ordinal);
    }
}
