using Workbook.Balancing;

namespace Workbook.Tests.Balancing;

public sealed class RandomChoiceTests
{
    [Fact]
    public void Pick_WeightsFiveThreeTwo_SharesFollowWeights()
    {
        var balancer = new RandomChoice(Backend.Weighted(("a", 5), ("b", 3), ("c", 2)), new Random(11));
        var counts = new int[3];
        for (int i = 0; i < 100_000; i++)
        {
            counts[balancer.Pick().Index]++;
        }

        // Binomial standard deviation is about 0.16% here; 1% is over six of them.
        Assert.InRange(counts[0] / 100_000.0, 0.49, 0.51);
        Assert.InRange(counts[1] / 100_000.0, 0.29, 0.31);
        Assert.InRange(counts[2] / 100_000.0, 0.19, 0.21);
    }

    [Fact]
    public void Pick_SameSeed_SameSequence()
    {
        var first = new RandomChoice(Backend.Range(7), new Random(9));
        var second = new RandomChoice(Backend.Range(7), new Random(9));
        var a = Enumerable.Range(0, 500).Select(_ => first.Pick().Index).ToArray();
        var b = Enumerable.Range(0, 500).Select(_ => second.Pick().Index).ToArray();
        Assert.Equal(a, b);
        Assert.Equal(7, a.Distinct().Count());
    }
}
