using Workbook.Balancing;

namespace Workbook.Tests.Balancing;

public sealed class RoundRobinTests
{
    [Fact]
    public void Pick_ThreeBackends9999Times_Exactly3333Each()
    {
        var balancer = new RoundRobin(Backend.Range(3));
        var counts = new int[3];
        for (int i = 0; i < 9_999; i++)
        {
            using var lease = balancer.Pick();
            counts[lease.Index]++;
        }

        Assert.Equal([3_333, 3_333, 3_333], counts);
    }

    [Fact]
    public void Pick_InOrder_VisitsBackendsCyclically()
    {
        var balancer = new RoundRobin(Backend.Range(4));
        var sequence = Enumerable.Range(0, 9).Select(_ => { using var l = balancer.Pick(); return l.Index; }).ToArray();
        Assert.Equal([0, 1, 2, 3, 0, 1, 2, 3, 0], sequence);
    }

    [Fact]
    public void Pick_IgnoresWeights_EqualShares()
    {
        var balancer = new RoundRobin(Backend.Weighted(("a", 5), ("b", 1)));
        var picks = Enumerable.Range(0, 100).Count(_ => { using var l = balancer.Pick(); return l.Backend.Name == "a"; });
        Assert.Equal(50, picks);
    }
}
