using Workbook.Simulation;

namespace Workbook.Tests.Simulation;

/// <summary>
/// The simulator against queueing theory: Poisson arrivals, exponential service, random vs
/// power-of-two assignment. Sizes are chosen so each run is statistically stable yet takes
/// seconds: random assignment makes every server an independent M/M/1 queue, so a few servers
/// with many requests each suffice; power-of-two theory is a large-farm limit, so it gets more servers.
/// </summary>
public sealed class SupermarketTests
{
    [Fact]
    public void Run_PowerOfTwoAtLoad09_Within10PercentOfTheory()
    {
        var result = Simulator.Run(new Scenario { Servers = 100, Load = 0.9, Requests = 1_000_000 }, "power-of-two");
        AssertWithin(SupermarketModel.PowerOfTwoMeanTime(0.9), result.TimeInSystem.Mean, 0.10);
    }

    [Fact]
    public void Run_RandomAtLoad09_Within10PercentOfTheory()
    {
        // M/M/1 at 0.9: the mean of n sojourn times has a standard deviation of about sqrt(3.4e4 / n),
        // 0.18 (1.8%) for n = 1M, so 10% is over five standard deviations.
        var result = Simulator.Run(new Scenario { Servers = 20, Load = 0.9, Requests = 1_000_000 }, "random");
        AssertWithin(SupermarketModel.RandomMeanTime(0.9), result.TimeInSystem.Mean, 0.10);
    }

    [Fact]
    public void Run_PowerOfTwoAtLoad099_Within10PercentOfTheory()
    {
        // 200 servers: a finite farm sits a few percent above the infinite-farm limit near saturation.
        var result = Simulator.Run(new Scenario { Servers = 200, Load = 0.99, Requests = 2_000_000, WarmUpFraction = 0.2 }, "power-of-two");
        AssertWithin(SupermarketModel.PowerOfTwoMeanTime(0.99), result.TimeInSystem.Mean, 0.10);
    }

    [Fact]
    public void Run_RandomAtLoad095_Within10PercentOfTheory()
    {
        var result = Simulator.Run(new Scenario { Servers = 20, Load = 0.95, Requests = 2_000_000 }, "random");
        AssertWithin(SupermarketModel.RandomMeanTime(0.95), result.TimeInSystem.Mean, 0.10);
    }

    [Fact]
    public void Run_RandomAtLoad099_AgreesWithTheoryWithinThreeStandardErrors()
    {
        // M/M/1 at 0.99 is the hard case: the sample mean's variance is about 2ρ(1+ρ)/(1-ρ)^4 ≈ 4e8
        // divided by the number of requests, so 10% (±10 around 100) at three standard errors would
        // need ~40M requests, tens of seconds here. With 6M the standard error is ~8; we estimate it
        // from the data (under random assignment the servers are independent queues, so the spread of
        // per-server means gives it) and check agreement at three standard errors.
        var result = Simulator.Run(new Scenario { Servers = 20, Load = 0.99, Requests = 6_000_000, WarmUpFraction = 0.2 }, "random");
        var perServer = result.MeanTimePerServer;
        double meanOfMeans = perServer.Average();
        double sd = Math.Sqrt(perServer.Sum(m => (m - meanOfMeans) * (m - meanOfMeans)) / (perServer.Count - 1));
        double standardError = sd / Math.Sqrt(perServer.Count);
        double theory = SupermarketModel.RandomMeanTime(0.99);

        Assert.InRange(standardError, 0.5, 15); // the check must be neither vacuous nor absurdly tight
        Assert.InRange(result.TimeInSystem.Mean, theory - (3 * standardError), theory + (3 * standardError));
        Assert.True(result.TimeInSystem.Mean > 10 * SupermarketModel.PowerOfTwoMeanTime(0.99), "random should be an order of magnitude worse than two choices");
    }

    [Fact]
    public void Run_DeterministicServiceRandomAtLoad09_MatchesPollaczekKhinchine()
    {
        // M/D/1: mean time in system 1 + ρ / (2(1 - ρ)) = 5.5 at ρ = 0.9, about half of M/M/1's 10.
        var result = Simulator.Run(new Scenario { Servers = 20, Load = 0.9, Requests = 1_000_000, Service = ServiceTime.Deterministic }, "random");
        AssertWithin(1 + (0.9 / (2 * 0.1)), result.TimeInSystem.Mean, 0.05);
    }

    [Fact]
    public void Run_FourSlotsPerServerRandomAtLoad09_MatchesErlangC()
    {
        // Each server becomes an M/M/4 queue with offered load 3.6.
        var result = Simulator.Run(new Scenario { Servers = 25, Load = 0.9, Requests = 1_000_000, SlotsPerServer = 4 }, "random");
        AssertWithin(ErlangCMeanTime(servers: 4, offered: 3.6), result.TimeInSystem.Mean, 0.05);
    }

    private static double ErlangCMeanTime(int servers, double offered)
    {
        double term = 1, sum = 0;
        for (int k = 0; k < servers; k++)
        {
            sum += term;
            term *= offered / (k + 1);
        }

        double rho = offered / servers;
        double waitingTail = term / (1 - rho);
        double probabilityOfWaiting = waitingTail / (sum + waitingTail);
        return 1 + (probabilityOfWaiting / (servers - offered));
    }

    private static void AssertWithin(double expected, double actual, double relative)
    {
        Assert.True(
            Math.Abs(actual - expected) <= relative * expected,
            $"measured {actual:0.###}, theory {expected:0.###}: off by {Math.Abs(actual - expected) / expected:P1}, allowed {relative:P0}");
    }
}
