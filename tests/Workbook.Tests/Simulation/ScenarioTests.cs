using Workbook.Simulation;

namespace Workbook.Tests.Simulation;

public sealed class ScenarioTests
{
    public static TheoryData<Scenario, string> BadScenarios => new()
    {
        { new Scenario { Servers = 0 }, "Servers" },
        { new Scenario { Load = 0 }, "Load" },
        { new Scenario { Load = double.NaN }, "Load" },
        { new Scenario { Requests = 0 }, "Requests" },
        { new Scenario { WarmUpFraction = 1 }, "WarmUpFraction" },
        { new Scenario { Speeds = [] }, "Speeds" },
        { new Scenario { Speeds = [1, 0, 1] }, "Server 1 has speed 0" },
        { new Scenario { Servers = 3, Weights = [1, 2] }, "Weights" },
        { new Scenario { SlotsPerServer = 0 }, "SlotsPerServer" },
        { new Scenario { RefreshInterval = -1 }, "RefreshInterval" },
        { new Scenario { SampleInterval = 0 }, "SampleInterval" },
    };

    [Theory]
    [MemberData(nameof(BadScenarios))]
    public void Run_InvalidScenario_ThrowsNamingTheSetting(Scenario scenario, string expected)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Simulator.Run(scenario, "random"));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Run_UnknownPolicy_ThrowsListingKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => Simulator.Run(new Scenario { Requests = 10 }, "fastest"));
        Assert.Contains("power-of-two", error.Message);
    }

    [Fact]
    public void ArrivalPatterns_BadParameters_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ArrivalPattern.Batches(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ArrivalPattern.OnOff(onFraction: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ArrivalPattern.OnOff(meanCycle: -1));
    }

    [Fact]
    public void Run_WeightsGiven_ReachTheBalancer()
    {
        var result = Simulator.Run(new Scenario { Servers = 3, Weights = [5, 3, 2], Requests = 10_000, Load = 0.5 }, "weighted-round-robin");
        Assert.Equal([5_000L, 3_000L, 2_000L], result.RequestsPerServer);
    }

    [Fact]
    public void ToString_Default_ReadsAsASentence()
    {
        Assert.Equal("100 servers, load 0.9, 100,000 requests, Poisson arrivals, exponential service", new Scenario().ToString());
    }
}
