using Workbook.Tuning;

namespace Workbook.Tests.Tuning;

public sealed class RequestTrafficTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(199)]
    [InlineData(200)]
    [InlineData(12_345)]
    public void Expected_AnyCallCount_MatchesCountingOneByOne(long calls)
    {
        var hits = new Dictionary<string, long>();
        long microseconds = 0;
        for (long i = 0; i < calls; i++)
        {
            hits[RequestTraffic.EndpointOf(i)] = hits.GetValueOrDefault(RequestTraffic.EndpointOf(i)) + 1;
            microseconds += RequestTraffic.MicrosecondsOf(i);
        }

        (Dictionary<string, long> expected, long us) = RequestTraffic.Expected(calls);

        Assert.All(RequestTraffic.Endpoints, e => Assert.Equal(hits.GetValueOrDefault(e), expected[e]));
        Assert.Equal(microseconds, us);
    }

    [Fact]
    public void Endpoints_Traffic_HomeGetsHalf()
    {
        (Dictionary<string, long> hits, _) = RequestTraffic.Expected(800);

        Assert.Equal(400, hits["/home"]);
        Assert.Equal(5, RequestTraffic.Endpoints.Count);
    }

    [Fact]
    public void Send_ToLockedStats_CountsMatchExpected()
    {
        var stats = new LockedRequestStats();

        RequestTraffic.Send(stats, 1_000);

        (Dictionary<string, long> hits, long us) = RequestTraffic.Expected(1_000);
        Assert.All(hits, p => Assert.Equal(p.Value, stats.Hits(p.Key)));
        Assert.Equal(1_000, stats.TotalHits);
        Assert.Equal(us, stats.TotalMicroseconds);
    }
}
