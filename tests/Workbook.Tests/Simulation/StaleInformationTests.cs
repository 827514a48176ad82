using Workbook.Balancing;
using Workbook.Simulation;

namespace Workbook.Tests.Simulation;

/// <summary>
/// When queue lengths are only refreshed every T seconds, "always the least loaded" sends every
/// request in the interval to the same few servers (herding); two random choices barely suffer.
/// </summary>
public sealed class StaleInformationTests
{
    private static readonly Scenario Farm = new() { Servers = 100, Load = 0.9, Requests = 300_000 };

    [Fact]
    public void Run_StaleLeastConnections_HerdsAndLosesToPowerOfTwo()
    {
        var freshLeast = Simulator.Run(Farm, "least-connections");
        var staleLeast = Simulator.Run(Farm with { RefreshInterval = 2 }, "least-connections");
        var freshTwo = Simulator.Run(Farm, "power-of-two");
        var staleTwo = Simulator.Run(Farm with { RefreshInterval = 2 }, "power-of-two");

        Assert.True(freshLeast.TimeInSystem.Mean < freshTwo.TimeInSystem.Mean, "with fresh data least-connections is best");
        Assert.True(staleLeast.TimeInSystem.Mean > 2 * freshLeast.TimeInSystem.Mean, $"stale {staleLeast.TimeInSystem.Mean}, fresh {freshLeast.TimeInSystem.Mean}");
        Assert.True(staleLeast.TimeInSystem.Mean > staleTwo.TimeInSystem.Mean, $"stale least {staleLeast.TimeInSystem.Mean}, stale two {staleTwo.TimeInSystem.Mean}");
        Assert.True(staleLeast.LongestQueue > 2 * staleTwo.LongestQueue);
        Assert.True(staleTwo.TimeInSystem.Mean < 1.5 * freshTwo.TimeInSystem.Mean);
    }

    [Fact]
    public void Run_StaleModeWithCustomBalancer_ThrowsExplaining()
    {
        var error = Assert.Throws<ArgumentException>(() => Simulator.Run(
            Farm with { RefreshInterval = 1 },
            (backends, _) => new WrappingBalancer(new RoundRobin(backends))));
        Assert.Contains("RefreshInterval", error.Message);
    }

    [Fact]
    public void Run_StaleModeFinished_BalancerSeesLiveCountsAgain()
    {
        Balancer? built = null;
        Simulator.Run(Farm with { Requests = 10_000, RefreshInterval = 5 }, (backends, clock) => built = new LeastConnections(backends, clock));

        // With live counts, 100 held picks land one per server; a frozen snapshot would keep
        // naming the same "least loaded" server and pile them up.
        var held = Enumerable.Range(0, 100).Select(_ => built!.Pick()).ToList();
        Assert.All(built!.Snapshot(), s => Assert.Equal(1, s.Outstanding));
        held.ForEach(l => l.Dispose());
    }

    private sealed class WrappingBalancer(IBalancer inner) : IBalancer
    {
        public string Name => "wrapper";

        public IReadOnlyList<Backend> Backends => inner.Backends;

        public Lease Pick() => inner.Pick();
    }
}
