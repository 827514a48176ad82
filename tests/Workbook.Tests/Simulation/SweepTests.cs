using Workbook.Simulation;

namespace Workbook.Tests.Simulation;

public sealed class SweepTests
{
    private static readonly Scenario Small = new() { Servers = 10, Load = 0.8, Requests = 20_000 };

    [Fact]
    public void Run_SeveralPoliciesAndLoads_SameResultsAsOneByOneInTheGivenOrder()
    {
        var runs = new[] { (Small, "power-of-two"), (Small with { Load = 0.5 }, "random"), (Small, "least-connections"), (Small with { Seed = 9 }, "round-robin") };

        var together = Sweep.Run(runs);

        Assert.Equal(runs.Length, together.Count);
        for (int i = 0; i < runs.Length; i++)
        {
            var alone = Simulator.Run(runs[i].Item1, runs[i].Item2);
            Assert.Equal(runs[i].Item2, together[i].Policy);
            Assert.Equal(runs[i].Item1, together[i].Scenario);
            Assert.Equal(alone.TimeInSystem, together[i].TimeInSystem);
            Assert.Equal(alone.RequestsPerServer, together[i].RequestsPerServer);
        }
    }

    [Fact]
    public void Run_UnknownPolicyAnywhere_ThrowsBeforeRunningNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => Sweep.Run([(Small, "random"), (Small, "fastest")]));
        Assert.Contains("Run #1 names unknown policy 'fastest'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InvalidScenario_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Sweep.Run([(Small with { Load = -1 }, "random")]));
        Assert.Contains("Load", error.Message, StringComparison.Ordinal);
    }
}
