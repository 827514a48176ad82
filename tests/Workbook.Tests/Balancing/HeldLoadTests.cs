using Workbook.Balancing;

namespace Workbook.Tests.Balancing;

public sealed class HeldLoadTests
{
    [Theory]
    [InlineData("power-of-two")]
    [InlineData("least-connections")]
    [InlineData("round-robin")]
    [InlineData("random")]
    public void Hold_ZeroFiveOne_ExactlyThoseOutstanding(string policy)
    {
        var balancer = Balancers.Create(policy, Backend.Range(3), seed: 5);

        using var held = HeldLoad.Hold(balancer, 0, 5, 1);

        Assert.Equal([0, 5, 1], balancer.Snapshot().Select(s => s.Outstanding));
        Assert.Equal(6, held.Leases.Count);
    }

    [Fact]
    public void Dispose_HeldLoad_EveryCountBackToZero()
    {
        var balancer = new PowerOfTwoChoices(Backend.Range(4), new Random(1));
        var held = HeldLoad.Hold(balancer, 3, 0, 2, 7);

        held.Dispose();
        held.Dispose();

        Assert.All(balancer.Snapshot(), s => Assert.Equal(0, s.Outstanding));
        Assert.Empty(held.Leases);
    }

    [Fact]
    public void Hold_WrongNumberOfTargets_ThrowsNamingBothCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => HeldLoad.Hold(new RoundRobin(Backend.Range(3)), 1, 2));
        Assert.Contains("3 backends, the list has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hold_BalancerAlreadyBusy_Throws()
    {
        var balancer = new RoundRobin(Backend.Range(2));
        using var busy = balancer.Pick();

        Assert.Throws<ArgumentException>(() => HeldLoad.Hold(balancer, 1, 1));
    }

    [Fact]
    public void Hold_NegativeTarget_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HeldLoad.Hold(new RoundRobin(Backend.Range(2)), 1, -1));
    }
}
