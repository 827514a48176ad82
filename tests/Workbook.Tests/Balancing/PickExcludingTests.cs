using Microsoft.Extensions.Time.Testing;
using Workbook.Balancing;

namespace Workbook.Tests.Balancing;

/// <summary>The retry pick: a policy must choose among the backends a request has not tried yet.</summary>
public sealed class PickExcludingTests
{
    public static TheoryData<string> Policies => new(Balancers.Names);

    [Theory]
    [MemberData(nameof(Policies))]
    public void PickExcluding_AllButOneExcluded_AlwaysThatOne(string policy)
    {
        var balancer = Balancers.Create(policy, Backend.Range(4), seed: 5);

        var picks = Enumerable.Range(0, 100).Select(_ => PickAndEnd(balancer, excluded: 0b1011)).ToList();

        Assert.All(picks, index => Assert.Equal(2, index));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void PickExcluding_EverythingExcluded_ReturnsNull(string policy)
    {
        var balancer = Balancers.Create(policy, Backend.Range(3), seed: 5);

        Assert.Null(balancer.PickExcluding(0b111));
        Assert.All(balancer.Snapshot(), s => Assert.Equal(0, s.Outstanding));
    }

    [Fact]
    public void PickExcluding_LeastConnectionsWithTheIdleBackendExcluded_PicksTheLeastLoadedOfTheOthers()
    {
        var balancer = new LeastConnections(Backend.Range(3));
        using var held = HeldLoad.Hold(balancer, 4, 0, 2); // backend1 is idle, as a dead backend that fails fast would be

        var picks = Enumerable.Range(0, 50).Select(_ => PickAndEnd(balancer, excluded: 0b010)).ToList();

        Assert.All(picks, index => Assert.Equal(2, index));
    }

    [Fact]
    public void PickExcluding_RoundRobin_SharesEvenlyAmongTheOthersAndLeavesNoTrace()
    {
        var balancer = new RoundRobin(Backend.Range(3));

        var excluding = Enumerable.Range(0, 100).Select(_ => PickAndEnd(balancer, excluded: 0b001)).ToList();
        var plain = Enumerable.Range(0, 300).Select(_ => PickAndEnd(balancer, excluded: 0)).ToList();

        Assert.Equal((0, 50, 50), (excluding.Count(i => i == 0), excluding.Count(i => i == 1), excluding.Count(i => i == 2)));
        Assert.Equal((100, 100, 100), (plain.Count(i => i == 0), plain.Count(i => i == 1), plain.Count(i => i == 2)));
    }

    [Fact]
    public void PickExcluding_OnlyOtherBackendEjected_ReturnsNullInsteadOfThrowing()
    {
        var balancer = new RoundRobin(Backend.Range(2), new FakeTimeProvider(), new EjectionOptions { ConsecutiveFailures = 1 });
        while (true)
        {
            using var lease = balancer.Pick();
            lease.Complete(success: lease.Index != 1);
            if (lease.Index == 1)
            {
                break;
            }
        }

        Assert.Equal(BackendHealth.Ejected, balancer.HealthOf(1));
        Assert.Null(balancer.PickExcluding(0b01));
    }

    [Fact]
    public void PickExcluding_SmoothWeighted_ReturnsToItsExactCycleAfterwards()
    {
        var balancer = new SmoothWeightedRoundRobin(Backend.Weighted(("a", 5), ("b", 3), ("c", 2)));
        PickAndEnd(balancer, excluded: 0b001);

        var next = Enumerable.Range(0, 1_000).Select(_ => PickAndEnd(balancer, excluded: 0)).ToList();

        Assert.Equal((500, 300, 200), (next.Count(i => i == 0), next.Count(i => i == 1), next.Count(i => i == 2)));
    }

    private static int PickAndEnd(Balancer balancer, ulong excluded)
    {
        using Lease lease = balancer.PickExcluding(excluded) ?? throw new InvalidOperationException("no pick");
        lease.Complete(success: true);
        return lease.Index;
    }
}
