using Workbook.Balancing;

namespace Workbook.Tests.Balancing;

public sealed class PickSequenceTests
{
    [Fact]
    public void Take_RoundRobinThreeBackends9999Picks_Exactly3333Each()
    {
        var sequence = PickSequence.Take(new RoundRobin(Backend.Range(3)), 9_999);

        Assert.Equal(9_999, sequence.Length);
        Assert.Equal([("server0", 3_333), ("server1", 3_333), ("server2", 3_333)], sequence.Counts);
        Assert.Equal(3_333, sequence.Count("server1"));
        Assert.Equal(0, sequence.Count("nobody"));
    }

    [Fact]
    public void Take_LoadAwarePolicy_EndsEveryLeaseSoTheFarmStaysIdle()
    {
        var balancer = new LeastConnections(Backend.Range(4));

        PickSequence.Take(balancer, 100);

        Assert.All(balancer.Snapshot(), s => Assert.Equal(0, s.Outstanding));
    }

    [Fact]
    public void LongestRunAndMostInWindow_BurstyFiveThreeTwo_FiveInARow()
    {
        var bursty = PickSequence.Of(["a", "a", "a", "a", "a", "b", "b", "b", "c", "c"]);

        Assert.Equal(("a", 5), bursty.LongestRun);
        Assert.Equal(3, bursty.MostInWindow(3));
        Assert.Equal(5, bursty.MostInWindow(100));
    }

    [Fact]
    public void LongestRunAndMostInWindow_SmoothFiveThreeTwo_TwoInARow()
    {
        var smooth = PickSequence.Take(new SmoothWeightedRoundRobin(Backend.Weighted(("a", 5), ("b", 3), ("c", 2))), 10);

        Assert.Equal("a b c a a b a c b a", smooth.ToString());
        Assert.Equal(("a", 2), smooth.LongestRun);
        Assert.Equal(2, smooth.MostInWindow(3));
    }

    [Fact]
    public void ToString_LongSequence_ShowsThirtyThenTheTotal()
    {
        var sequence = PickSequence.Of(Enumerable.Repeat("x", 1_000));

        Assert.EndsWith("x … (1,000 picks)", sequence.ToString(), StringComparison.Ordinal);
        Assert.Equal(30, sequence.ToString().Count(c => c == 'x'));
    }

    [Fact]
    public void Of_BlankName_ThrowsNamingThePosition()
    {
        var error = Assert.Throws<ArgumentException>(() => PickSequence.Of(["a", " "]));
        Assert.Contains("#1", error.Message, StringComparison.Ordinal);
    }
}
