using Workbook.Balancing;

namespace Workbook.Tests.Balancing;

/// <summary>
/// A policy's Choose can find nothing for a moment while backends are healthy (it counted a half-open backend
/// as available, then another thread started that backend's trial): Pick must choose again, not fail.
/// </summary>
public sealed class ChooseRaceTests
{
    [Fact]
    public void Pick_ChooseFindsNothingOnce_ChoosesAgainInsteadOfThrowing()
    {
        var balancer = new FlakyChoice(misses: 1);

        using var lease = balancer.Pick();

        Assert.Equal(0, lease.Index);
        Assert.Equal(2, balancer.Calls);
    }

    [Fact]
    public void PickExcluding_ChooseFindsNothingOnce_ChoosesAgainInsteadOfGivingUp()
    {
        var balancer = new FlakyChoice(misses: 1);

        using var lease = balancer.PickExcluding(0b10);

        Assert.NotNull(lease);
        Assert.Equal(0, lease.Index);
    }

    [Fact]
    public void Pick_ChooseNeverFindsAnything_ThrowsNoHealthyBackend()
    {
        var balancer = new FlakyChoice(misses: int.MaxValue);

        Assert.Throws<NoHealthyBackendException>(() => balancer.Pick());
        Assert.Equal((2 * 2) + 4, balancer.Calls); // bounded: no livelock
    }

    /// <summary>Returns -1 for the first <c>misses</c> calls, then backend 0.</summary>
    private sealed class FlakyChoice(int misses)
        : Balancer("flaky", Backend.Range(2), TimeProvider.System, new EjectionOptions { ConsecutiveFailures = 3, Duration = TimeSpan.FromSeconds(5) })
    {
        public int Calls { get; private set; }

        protected override int Choose() => ++Calls <= misses ? -1 : 0;
    }
}
