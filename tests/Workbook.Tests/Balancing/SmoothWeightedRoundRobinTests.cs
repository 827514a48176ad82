using Workbook.Balancing;

namespace Workbook.Tests.Balancing;

public sealed class SmoothWeightedRoundRobinTests
{
    private static readonly Backend[] FiveThreeTwo = Backend.Weighted(("a", 5), ("b", 3), ("c", 2));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pick_FiveThreeTwoTenTimes_InterleavedNginxSequence(bool live)
    {
        var balancer = Create(FiveThreeTwo, live);
        var sequence = string.Concat(Names(balancer, 10));

        // The nginx algorithm, worked by hand: scores start at 0, +weight each pick, winner -10.
        Assert.Equal("abcaabacba", sequence);
        Assert.Equal(5, sequence.Count(c => c == 'a'));
        Assert.Equal(3, sequence.Count(c => c == 'b'));
        Assert.Equal(2, sequence.Count(c => c == 'c'));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pick_FiveThreeTwoThousandTimes_ExactProportionsAndNoRunOfThree(bool live)
    {
        var balancer = Create(FiveThreeTwo, live);
        var sequence = Names(balancer, 1_000);

        Assert.Equal(500, sequence.Count(n => n == "a"));
        Assert.Equal(300, sequence.Count(n => n == "b"));
        Assert.Equal(200, sequence.Count(n => n == "c"));

        // "a" has half the weight, so runs of two are unavoidable somewhere; three never are.
        Assert.True(LongestRun(sequence) <= 2, $"longest run {LongestRun(sequence)}");
        for (int window = 0; window + 10 <= sequence.Count; window += 10)
        {
            Assert.Equal(5, sequence.Skip(window).Take(10).Count(n => n == "a"));
        }
    }

    [Fact]
    public void Pick_PrecomputedCycle_SameSequenceAsLiveAlgorithm()
    {
        var random = new Random(3);
        var backends = Enumerable.Range(0, 12).Select(i => new Backend("s" + i, random.Next(1, 9))).ToArray();
        int total = backends.Sum(b => b.Weight);

        var cycled = Names(Create(backends, live: false), 3 * total);
        var live = Names(Create(backends, live: true), 3 * total);

        Assert.Equal(live, cycled);
    }

    [Fact]
    public void Pick_EqualWeights_BehavesLikeRoundRobin()
    {
        var balancer = Create(Backend.Range(3), live: false);
        Assert.Equal(["server0", "server1", "server2", "server0"], Names(balancer, 4));
    }

    private static SmoothWeightedRoundRobin Create(Backend[] backends, bool live) =>
        live ? new SmoothWeightedRoundRobin(backends, null, null, cycleBudget: 0) : new SmoothWeightedRoundRobin(backends);

    private static List<string> Names(Balancer balancer, int count)
    {
        var names = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            using var lease = balancer.Pick();
            names.Add(lease.Backend.Name);
        }

        return names;
    }

    private static int LongestRun(List<string> sequence)
    {
        int longest = 0, run = 0;
        for (int i = 0; i < sequence.Count; i++)
        {
            run = i > 0 && sequence[i] == sequence[i - 1] ? run + 1 : 1;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
