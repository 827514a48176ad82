using Workbook.Balancing;
using Workbook.Simulation;

namespace Workbook.Tests.Simulation;

public sealed class SimulatorTests
{
    private static readonly Scenario Small = new() { Servers = 50, Load = 0.9, Requests = 100_000 };

    [Theory]
    [InlineData("peak-ewma", null)]
    [InlineData("power-of-two", 0.5)]
    [InlineData("least-connections", null)]
    public void Run_SameSeedTwice_IdenticalResults(string policy, double? refresh)
    {
        var scenario = Small with { RefreshInterval = refresh, SampleInterval = 10 };
        var first = Simulator.Run(scenario, policy);
        var second = Simulator.Run(scenario, policy);

        Assert.Equal(first.TimeInSystem, second.TimeInSystem);
        Assert.Equal(first.RequestsPerServer, second.RequestsPerServer);
        Assert.Equal(first.MeanTimePerServer, second.MeanTimePerServer);
        Assert.Equal(first.VirtualSeconds, second.VirtualSeconds);
        Assert.Equal(first.LongestQueue, second.LongestQueue);
        Assert.Equal(first.QueueSamples.SelectMany(s => s.Lengths), second.QueueSamples.SelectMany(s => s.Lengths));
    }

    [Fact]
    public void Run_DifferentSeed_DifferentResults()
    {
        var first = Simulator.Run(Small, "power-of-two");
        var second = Simulator.Run(Small with { Seed = 2 }, "power-of-two");
        Assert.NotEqual(first.TimeInSystem, second.TimeInSystem);
    }

    [Theory]
    [InlineData("random", 1, ServiceTime.Exponential)]
    [InlineData("power-of-two", 1, ServiceTime.Deterministic)]
    [InlineData("least-connections", 3, ServiceTime.Exponential)]
    [InlineData("peak-ewma", 1, ServiceTime.Exponential)]
    public void Run_AnyPolicy_SatisfiesLittlesLaw(string policy, int slots, ServiceTime service)
    {
        // L (time-average requests in the farm) must equal λ (throughput) × W (mean time in system).
        // Both sides are measured independently: L by integrating the request count between events,
        // W from per-request timestamps.
        var result = Simulator.Run(Small with { SlotsPerServer = slots, Service = service }, policy);
        Assert.InRange(result.LittleRatio, 0.99, 1.01);
    }

    [Fact]
    public void Run_AnyPolicy_EveryRequestAccountedFor()
    {
        var scenario = Small with { Requests = 100_003, Arrivals = ArrivalPattern.Batches(10), WarmUpFraction = 0.25 };
        foreach (var name in Balancers.Names)
        {
            var result = Simulator.Run(scenario, name);
            Assert.Equal(100_003, result.RequestsPerServer.Sum());
            Assert.Equal(100_003 - 25_000, result.TimeInSystem.Count);
        }
    }

    [Fact]
    public void Run_OnOffBursts_KeepAverageRateButRaiseTimeInSystem()
    {
        var poisson = Simulator.Run(Small with { Load = 0.8 }, "power-of-two");
        var bursty = Simulator.Run(Small with { Load = 0.8, Arrivals = ArrivalPattern.OnOff(onFraction: 0.25, meanCycle: 2) }, "power-of-two");

        // Capacity is 50 requests per virtual second, so the average arrival rate must be 40.
        Assert.InRange(bursty.Throughput, 40 * 0.95, 40 * 1.05);
        Assert.True(bursty.TimeInSystem.Mean > 1.5 * poisson.TimeInSystem.Mean, $"bursty {bursty.TimeInSystem.Mean}, Poisson {poisson.TimeInSystem.Mean}");
    }

    [Fact]
    public void Run_WithSampleInterval_SamplesEveryIntervalUpToTheCap()
    {
        var result = Simulator.Run(Small with { SampleInterval = 2.5, MaxSamples = 40 }, "round-robin");

        Assert.Equal(40, result.QueueSamples.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => i * 2.5), result.QueueSamples.Select(s => s.Time));
        Assert.All(result.QueueSamples, s => Assert.Equal(50, s.Lengths.Count));
        Assert.True(result.QueueSamples[^1].MeanLength > 0);
    }

    [Fact]
    public void Run_WithoutSampleInterval_NoSamples()
    {
        Assert.Empty(Simulator.Run(Small with { Requests = 1_000 }, "random").QueueSamples);
    }

    [Fact]
    public void Run_PolicySeesVirtualTime_LeaseLatencyEqualsTimeInSystem()
    {
        // A custom IBalancer records what its leases report; the simulator must complete each with its time in system.
        var latencies = new List<double>();
        var result = Simulator.Run(
            Small with { Requests = 2_000, Servers = 5, WarmUpFraction = 0 },
            (backends, clock) => new RecordingBalancer(backends, clock, latencies));

        Assert.Equal(2_000, latencies.Count);
        Assert.Equal(result.TimeInSystem.Mean, latencies.Average(), precision: 4);
    }

    [Fact]
    public void ToString_Result_MentionsPolicyAndPercentiles()
    {
        var text = Simulator.Run(Small with { Requests = 5_000 }, "power-of-two").ToString();
        Assert.Contains("power-of-two", text);
        Assert.Contains("p99", text);
        Assert.Contains("5,000 requests", text);
    }

    private sealed class RecordingBalancer(IReadOnlyList<Backend> backends, TimeProvider clock, List<double> latencies) : IBalancer
    {
        private int _next;

        public string Name => "recording";

        public IReadOnlyList<Backend> Backends => backends;

        public Lease Pick()
        {
            int index = _next++ % backends.Count;

            // Elapsed on the virtual clock, not the latency argument: proves the clock is driven.
            return new Lease(backends[index], index, (lease, _, _) => latencies.Add(lease.Elapsed.TotalSeconds), clock);
        }
    }
}
