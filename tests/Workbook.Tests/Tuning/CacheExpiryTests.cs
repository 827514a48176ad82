using Workbook.Tuning;

namespace Workbook.Tests.Tuning;

public sealed class CacheExpiryTests
{
    [Fact]
    public void Simulate_NoCache_EveryRequestReachesTheBackendAndNoneIsStale()
    {
        TtlPoint point = CacheExpiry.Simulate(TimeSpan.Zero, duration: TimeSpan.FromSeconds(10));

        Assert.True(point.Requests > 1_000);
        Assert.Equal(point.Requests, point.BackendCalls);
        Assert.Equal(0, point.StaleAnswers);
        Assert.Equal(100, point.BackendPercent);
    }

    [Fact]
    public void SweepTtl_LongerTtls_FewerBackendCallsAndMoreStaleAnswers()
    {
        var sweep = CacheExpiry.SweepTtl([TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)]);

        Assert.All(sweep, p => Assert.Equal(sweep[0].Requests, p.Requests));
        for (int i = 1; i < sweep.Count; i++)
        {
            Assert.True(sweep[i].BackendCalls < sweep[i - 1].BackendCalls, $"TTL {sweep[i].Ttl}: {sweep[i].BackendCalls} calls, not fewer than {sweep[i - 1].BackendCalls}");
            Assert.True(sweep[i].StaleAnswers > sweep[i - 1].StaleAnswers, $"TTL {sweep[i].Ttl}: {sweep[i].StaleAnswers} stale, not more than {sweep[i - 1].StaleAnswers}");
        }
    }

    [Fact]
    public void Simulate_TtlOfFiveSeconds_StalenessNeverExceedsTheTtl()
    {
        TtlPoint point = CacheExpiry.Simulate(TimeSpan.FromSeconds(5));

        Assert.True(point.MaxStaleness > TimeSpan.Zero);
        Assert.True(point.MaxStaleness <= TimeSpan.FromSeconds(5), $"an answer was {point.MaxStaleness} out of date with a 5 s TTL");

        // At most one fetch per TTL, plus the first: 60 s / 5 s.
        Assert.InRange(point.BackendCalls, 12, 13);
    }

    [Fact]
    public void Simulate_SameSeed_SameResult() =>
        Assert.Equal(CacheExpiry.Simulate(TimeSpan.FromMilliseconds(250), seed: 3), CacheExpiry.Simulate(TimeSpan.FromMilliseconds(250), seed: 3));

    [Fact]
    public void Simulate_NegativeTtl_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CacheExpiry.Simulate(TimeSpan.FromSeconds(-1)));
}
