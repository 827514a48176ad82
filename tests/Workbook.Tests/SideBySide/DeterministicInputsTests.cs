using Workbook.SideBySide;

namespace Workbook.Tests.SideBySide;

/// <summary>The inputs both sides generate must be identical; the expected values were printed by data/python/side_by_side.py.</summary>
public sealed class DeterministicInputsTests
{
    [Fact]
    public void Lcg_Seed42_GivesPythonsFirstFiveNumbers()
    {
        var random = new Lcg(42);

        long[] first = [.. Enumerable.Range(0, 5).Select(_ => random.Next())];

        // python3 -c "import side_by_side as s; r = s.Lcg(42); print([r.next() for _ in range(5)])"
        Assert.Equal([1220265334L, 484179026, 886563538, 1353769503, 1460606294], first);
    }

    [Fact]
    public void CachingKeys_Seed7_GivesPythonsKeyStream() =>
        Assert.Equal([30, 63, 817, 17, 41, 3, 40, 20, 27, 54, 3, 51], CachingWorkload.Keys(12, 7));

    [Fact]
    public void CachingExpensive_MatchesPython()
    {
        Assert.Equal(5, CachingWorkload.Expensive(3));     // primes in [60, 80): 61 67 71 73 79
        Assert.Equal(1, CachingWorkload.Expensive(1000));  // primes in [20000, 20020): 20011
    }

    [Fact]
    public void BalancingReplay_RoundRobin_EachBackendEqually()
    {
        BalancingWorkload.Trace trace = BalancingWorkload.Replay("round-robin", 1_000, seed: 42);

        Assert.Equal([250L, 250, 250, 250], trace.Picks);
    }

    [Fact]
    public void BalancingReplay_WeightedRoundRobin_ExactlyInProportionToWeights()
    {
        BalancingWorkload.Trace trace = BalancingWorkload.Replay("weighted-round-robin", 800, seed: 42);

        Assert.Equal([400L, 200, 100, 100], trace.Picks);   // weights 4:2:1:1 over 100 whole cycles
    }

    [Fact]
    public void BalancingReplay_LeastConnections_EveryRequestPlacedAndReproducible()
    {
        BalancingWorkload.Trace first = BalancingWorkload.Replay("least-connections", 5_000, seed: 42);
        BalancingWorkload.Trace again = BalancingWorkload.Replay("least-connections", 5_000, seed: 42);
        BalancingWorkload.Trace otherSeed = BalancingWorkload.Replay("least-connections", 5_000, seed: 43);

        Assert.Equal(5_000, first.Picks.Sum());
        Assert.Equal(first, again);
        Assert.NotEqual(first.Hash, otherSeed.Hash);
    }
}
