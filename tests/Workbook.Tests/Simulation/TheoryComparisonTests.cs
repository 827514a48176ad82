using Workbook.Simulation;

namespace Workbook.Tests.Simulation;

public sealed class TheoryComparisonTests
{
    [Fact]
    public void Of_RandomRun_TheoryIsMM1AndStandardErrorComesFromPerServerMeans()
    {
        var result = Simulator.Run(new Scenario { Servers = 10, Load = 0.8, Requests = 200_000 }, "random");

        var comparison = TheoryComparison.Of(result);

        Assert.Equal(5.0, comparison.Theory, 9);
        Assert.Equal(result.TimeInSystem.Mean, comparison.Measured);
        var means = result.MeanTimePerServer;
        double average = means.Average();
        double expectedSe = Math.Sqrt(means.Sum(m => (m - average) * (m - average)) / (means.Count - 1) / means.Count);
        Assert.Equal(expectedSe, comparison.StandardError!.Value, 9);
        Assert.True(comparison.WithinStandardErrors(4), comparison.ToString());
    }

    [Fact]
    public void Of_PowerOfTwoRun_TheoryIsTheSupermarketLimitWithoutStandardError()
    {
        var result = Simulator.Run(new Scenario { Servers = 50, Load = 0.9, Requests = 100_000 }, "power-of-two");

        var comparison = TheoryComparison.Of(result);

        Assert.Equal(SupermarketModel.PowerOfTwoMeanTime(0.9), comparison.Theory);
        Assert.Null(comparison.StandardError);
        Assert.False(comparison.WithinStandardErrors(3));
        Assert.Contains("—", comparison.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.10, 105.0, true)]
    [InlineData(0.10, 111.0, false)]
    [InlineData(0.10, 90.0, true)]
    [InlineData(0.05, 94.0, false)]
    public void Within_RelativeTolerance_ComparesAgainstTheory(double tolerance, double measured, bool expected)
    {
        var comparison = new TheoryComparison("random", 0.99, 20, 1_000_000, measured, 100, 5);

        Assert.Equal(expected, comparison.Within(tolerance));
        Assert.Equal((measured - 100) / 100, comparison.RelativeError, 12);
    }

    [Fact]
    public void WithinStandardErrors_ThreeOfFive_FifteenEitherSide()
    {
        Assert.True(new TheoryComparison("random", 0.99, 20, 1, 115, 100, 5).WithinStandardErrors(3));
        Assert.False(new TheoryComparison("random", 0.99, 20, 1, 115.5, 100, 5).WithinStandardErrors(3));
    }

    [Fact]
    public void Of_LeastConnections_ThrowsNamingTheCoveredPolicies()
    {
        var result = Simulator.Run(new Scenario { Servers = 5, Requests = 1_000 }, "least-connections");
        var error = Assert.Throws<ArgumentException>(() => TheoryComparison.Of(result));
        Assert.Contains("'random' and 'power-of-two'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_MixedSpeeds_ThrowsSayingWhyTheModelDoesNotApply()
    {
        var result = Simulator.Run(new Scenario { Speeds = Scenario.OneSlowServer(5), Requests = 1_000 }, "random");
        var error = Assert.Throws<ArgumentException>(() => TheoryComparison.Of(result));
        Assert.Contains("mixed speeds", error.Message, StringComparison.Ordinal);
    }
}
