using Workbook.Tuning;

namespace Workbook.Tests.Tuning;

public sealed class RequestLoadTests
{
    [Fact]
    public void Run_LockedStatsOnFourThreads_EveryRequestCounted()
    {
        RequestLoadResult result = RequestLoad.Run(new LockedRequestStats(), threads: 4, duration: TimeSpan.FromMilliseconds(100));

        Assert.True(result.Exact, result.ToString());
        Assert.True(result.Calls >= 4 * 64, $"{result.Calls} calls");
        Assert.Equal("LockedRequestStats", result.Statistics);
    }

    [Fact]
    public void Run_StatsThatLoseCounts_NotExact()
    {
        RequestLoadResult result = RequestLoad.Run(new DroppingStats(), threads: 2, duration: TimeSpan.FromMilliseconds(20));

        Assert.False(result.Exact);
    }

    [Fact]
    public void Run_ZeroThreads_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RequestLoad.Run(new LockedRequestStats(), threads: 0));

    /// <summary>Counts every request but the first: deterministic wrong totals.</summary>
    private sealed class DroppingStats : IRequestStats
    {
        private readonly LockedRequestStats _inner = new();
        private int _seen;

        public long TotalHits => _inner.TotalHits;

        public long TotalMicroseconds => _inner.TotalMicroseconds;

        public void Record(string endpoint, int microseconds)
        {
            if (Interlocked.Increment(ref _seen) > 1)
            {
                _inner.Record(endpoint, microseconds);
            }
        }

        public long Hits(string endpoint) => _inner.Hits(endpoint);
    }
}
