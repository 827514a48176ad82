using Microsoft.Extensions.Time.Testing;
using Workbook.Balancing;

namespace Workbook.Tests.Balancing;

/// <summary>What every built-in policy must do; one subclass per policy runs these against it.</summary>
public abstract class BalancerContractTests
{
    protected static readonly Backend[] ThreeBackends = [new("a"), new("b"), new("c")];

    protected abstract Balancer Create(IReadOnlyList<Backend> backends, TimeProvider? time = null, EjectionOptions? ejection = null);

    [Fact]
    public void Pick_ManyTimes_LeaseIndexMatchesBackend()
    {
        var balancer = Create(ThreeBackends);
        for (int i = 0; i < 300; i++)
        {
            using var lease = balancer.Pick();
            Assert.Same(balancer.Backends[lease.Index], lease.Backend);
        }
    }

    [Fact]
    public void Complete_AfterHoldingManyLeases_OutstandingReturnsToZero()
    {
        var balancer = Create(ThreeBackends);
        var leases = Enumerable.Range(0, 100).Select(_ => balancer.Pick()).ToList();
        Assert.Equal(100, balancer.Snapshot().Sum(s => s.Outstanding));

        foreach (var lease in leases)
        {
            lease.Complete(success: true);
        }

        Assert.All(balancer.Snapshot(), s => Assert.Equal(0, s.Outstanding));
        Assert.Equal(100, balancer.Snapshot().Sum(s => s.Picks));
    }

    [Theory]
    [InlineData(RequestOutcome.Success)]
    [InlineData(RequestOutcome.Failure)]
    [InlineData(RequestOutcome.Cancelled)]
    public void Complete_CalledTwiceThenDisposed_DecrementsExactlyOnce(RequestOutcome outcome)
    {
        var balancer = Create(ThreeBackends);
        var held = balancer.Pick(); // keeps one count raised so a double decrement would show as 0 or -1
        var lease = balancer.Pick();
        int backend = lease.Index;
        int before = balancer.Snapshot()[backend].Outstanding;

        Assert.True(lease.Complete(outcome, TimeSpan.Zero));
        Assert.False(lease.Complete(outcome, TimeSpan.Zero));
        lease.Dispose();

        Assert.Equal(before - 1, balancer.Snapshot()[backend].Outstanding);
        Assert.Equal(1, balancer.Snapshot().Sum(s => s.Outstanding));
        held.Dispose();
        Assert.Equal(0, balancer.Snapshot().Sum(s => s.Outstanding));
    }

    [Fact]
    public void Dispose_WithoutComplete_EndsLeaseAsCancelled()
    {
        var balancer = Create(ThreeBackends);
        var lease = balancer.Pick();
        lease.Dispose();

        Assert.True(lease.IsCompleted);
        Assert.False(lease.Complete(success: false));
        Assert.Equal(0, balancer.Snapshot().Sum(s => s.Outstanding));
        Assert.Equal(0, balancer.Snapshot().Sum(s => s.Failures));
    }

    [Fact]
    public async Task Pick_EightThreadsTenThousandCyclesEach_CountsBalance()
    {
        var balancer = Create(Backend.Range(5));
        using var start = new Barrier(8);
        var workers = Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            for (int i = 0; i < 10_000; i++)
            {
                using var lease = balancer.Pick();
                lease.Complete(success: (i + t) % 7 != 0);
            }
        }));

        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60));

        var snapshot = balancer.Snapshot();
        Assert.All(snapshot, s => Assert.Equal(0, s.Outstanding));
        Assert.Equal(80_000, snapshot.Sum(s => s.Picks));
    }

    [Fact]
    public void Pick_BackendEjected_NeverChosenUntilPeriodEnds()
    {
        var time = new FakeTimeProvider();
        var balancer = Create(ThreeBackends, time, new EjectionOptions { ConsecutiveFailures = 3, Duration = TimeSpan.FromSeconds(10) });
        FailUntilEjected(balancer, "b");

        for (int i = 0; i < 500; i++)
        {
            using var lease = balancer.Pick();
            Assert.NotEqual("b", lease.Backend.Name);
            lease.Complete(success: true);
        }

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(BackendHealth.HalfOpen, balancer.HealthOf(1));
        Assert.True(PickUntil(balancer, "b", out var trial), "the half-open backend never got its trial");

        // While the trial is in flight nobody else goes to b.
        for (int i = 0; i < 200; i++)
        {
            using var lease = balancer.Pick();
            Assert.NotEqual("b", lease.Backend.Name);
        }

        trial!.Complete(success: true);
        Assert.Equal(BackendHealth.Healthy, balancer.HealthOf(1));
    }

    [Fact]
    public void Pick_AllBackendsEjected_ThrowsNamingThemAndTheFirstReturn()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var balancer = Create(ThreeBackends, time, new EjectionOptions { ConsecutiveFailures = 2, Duration = TimeSpan.FromSeconds(30) });
        FailUntilEjected(balancer, "a");
        time.Advance(TimeSpan.FromSeconds(5));
        FailUntilEjected(balancer, "b");
        FailUntilEjected(balancer, "c");

        var error = Assert.Throws<NoHealthyBackendException>(() => balancer.Pick());

        Assert.Equal(["a", "b", "c"], error.Backends);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 12, 0, 30, TimeSpan.Zero), error.NextReturn);
        Assert.Contains("a ejected until 12:00:30", error.Message);
        Assert.Contains("in 25 s", error.Message);
    }

    [Fact]
    public void Constructor_DuplicateNames_ThrowsNamingTheDuplicate()
    {
        var error = Assert.Throws<ArgumentException>(() => Create([new("a"), new("b"), new("a")]));
        Assert.Contains("'a'", error.Message);
    }

    [Fact]
    public void Constructor_EmptyList_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Create([]));
        Assert.Contains("at least one backend", error.Message);
    }

    [Fact]
    public void Constructor_WeightCopiedToZero_ThrowsNamingTheBackend()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Create([new("a"), new Backend("b") with { Weight = 0 }]));
        Assert.Contains("'b'", error.Message);
    }

    /// <summary>Fails every request that lands on <paramref name="name"/> (others succeed) until it is ejected.</summary>
    protected static void FailUntilEjected(Balancer balancer, string name)
    {
        int index = balancer.Backends.Select(b => b.Name).ToList().IndexOf(name);
        for (int i = 0; i < 10_000 && balancer.HealthOf(index) != BackendHealth.Ejected; i++)
        {
            using var lease = balancer.Pick();
            lease.Complete(success: lease.Backend.Name != name);
        }

        Assert.Equal(BackendHealth.Ejected, balancer.HealthOf(index));
    }

    /// <summary>Picks (completing the others successfully) until a lease on <paramref name="name"/> comes back; leaves that one open.</summary>
    protected static bool PickUntil(Balancer balancer, string name, out Lease? found)
    {
        for (int i = 0; i < 10_000; i++)
        {
            var lease = balancer.Pick();
            if (lease.Backend.Name == name)
            {
                found = lease;
                return true;
            }

            lease.Complete(success: true);
        }

        found = null;
        return false;
    }
}

public sealed class RoundRobinContractTests : BalancerContractTests
{
    protected override Balancer Create(IReadOnlyList<Backend> backends, TimeProvider? time = null, EjectionOptions? ejection = null) =>
        new RoundRobin(backends, time, ejection);
}

public sealed class SmoothWeightedRoundRobinContractTests : BalancerContractTests
{
    protected override Balancer Create(IReadOnlyList<Backend> backends, TimeProvider? time = null, EjectionOptions? ejection = null) =>
        new SmoothWeightedRoundRobin(backends, time, ejection);
}

public sealed class LiveSmoothWeightedRoundRobinContractTests : BalancerContractTests
{
    // Cycle budget 0: exercises the O(n) algorithm on every pick instead of the precomputed cycle.
    protected override Balancer Create(IReadOnlyList<Backend> backends, TimeProvider? time = null, EjectionOptions? ejection = null) =>
        new SmoothWeightedRoundRobin(backends, time, ejection, cycleBudget: 0);
}

public sealed class LeastConnectionsContractTests : BalancerContractTests
{
    protected override Balancer Create(IReadOnlyList<Backend> backends, TimeProvider? time = null, EjectionOptions? ejection = null) =>
        new LeastConnections(backends, time, ejection);
}

public sealed class RandomChoiceContractTests : BalancerContractTests
{
    protected override Balancer Create(IReadOnlyList<Backend> backends, TimeProvider? time = null, EjectionOptions? ejection = null) =>
        new RandomChoice(backends, new Random(7), time, ejection);
}

public sealed class PowerOfTwoChoicesContractTests : BalancerContractTests
{
    protected override Balancer Create(IReadOnlyList<Backend> backends, TimeProvider? time = null, EjectionOptions? ejection = null) =>
        new PowerOfTwoChoices(backends, new Random(7), time, ejection);
}

public sealed class PeakEwmaContractTests : BalancerContractTests
{
    protected override Balancer Create(IReadOnlyList<Backend> backends, TimeProvider? time = null, EjectionOptions? ejection = null) =>
        new PeakEwma(backends, new Random(7), time, ejection: ejection);
}
