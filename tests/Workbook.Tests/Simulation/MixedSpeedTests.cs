using Workbook.Simulation;

namespace Workbook.Tests.Simulation;

/// <summary>
/// Ten servers, one at a quarter speed, at 90% of total capacity. Round-robin sends the slow
/// server a tenth of the traffic, more than it can serve, so its queue grows without bound;
/// load-aware policies route around it. Unboundedness is shown by comparing a run with four
/// times the requests, not by any time threshold.
/// </summary>
public sealed class MixedSpeedTests
{
    private static readonly Scenario OneSlow = new() { Speeds = Scenario.OneSlowServer(10, slowSpeed: 0.25), Load = 0.9, Requests = 50_000 };

    [Theory]
    [InlineData("round-robin")]
    [InlineData("random")]
    public void Run_LoadBlindPolicy_TimeInSystemGrowsWithRunLength(string policy)
    {
        var shorter = Simulator.Run(OneSlow, policy);
        var longer = Simulator.Run(OneSlow with { Requests = 200_000 }, policy);

        Assert.True(longer.TimeInSystem.Mean > 2.5 * shorter.TimeInSystem.Mean, $"{shorter.TimeInSystem.Mean} -> {longer.TimeInSystem.Mean}");
        Assert.True(longer.MeanTimePerServer[0] > 2.5 * shorter.MeanTimePerServer[0]);
    }

    [Theory]
    [InlineData("least-connections")]
    [InlineData("power-of-two")]
    [InlineData("peak-ewma")]
    public void Run_LoadAwarePolicy_TimeInSystemStaysBounded(string policy)
    {
        var shorter = Simulator.Run(OneSlow, policy);
        var longer = Simulator.Run(OneSlow with { Requests = 200_000 }, policy);

        Assert.InRange(longer.TimeInSystem.Mean / shorter.TimeInSystem.Mean, 0.8, 1.25);

        // And the slow server got less than its round-robin tenth.
        Assert.True(longer.RequestsPerServer[0] < longer.Requests / 10);
    }
}
