using Workbook.Simulation;

namespace Workbook.Tests.Simulation;

public sealed class SupermarketModelTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public void PowerOfTwoMeanTime_AnyLoad_EqualsLittlesLawOverTailFractions(double rho)
    {
        // Mean requests per server is the sum of the tail fractions s_i (i >= 1); divide by the
        // arrival rate per server (rho) for the time. An independent route to the same number.
        double queue = 0;
        for (int i = 1; i < 40; i++)
        {
            queue += SupermarketModel.TailFraction(rho, 2, i);
        }

        Assert.Equal(queue / rho, SupermarketModel.PowerOfTwoMeanTime(rho), precision: 9);
    }

    [Fact]
    public void PowerOfTwoMeanTime_Loads09And099_AboutTwoPointSixAndFivePointFour()
    {
        Assert.InRange(SupermarketModel.PowerOfTwoMeanTime(0.9), 2.60, 2.62);
        Assert.InRange(SupermarketModel.PowerOfTwoMeanTime(0.99), 5.42, 5.44);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public void MeanTime_OneChoice_EqualsMM1(double rho)
    {
        Assert.Equal(1 / (1 - rho), SupermarketModel.MeanTime(rho, 1), precision: 9);
        Assert.Equal(SupermarketModel.RandomMeanTime(rho), SupermarketModel.MeanTime(rho, 1));
    }

    [Fact]
    public void MeanTime_MoreChoices_NeverWorse()
    {
        foreach (var rho in new[] { 0.5, 0.9, 0.99 })
        {
            Assert.True(SupermarketModel.MeanTime(rho, 3) < SupermarketModel.MeanTime(rho, 2));
            Assert.True(SupermarketModel.MeanTime(rho, 2) < SupermarketModel.MeanTime(rho, 1));
            Assert.True(SupermarketModel.MeanTime(rho, 3) > 1);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void RandomMeanTime_LoadOutsideOpenUnitInterval_Throws(double rho)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SupermarketModel.RandomMeanTime(rho));
        Assert.Throws<ArgumentOutOfRangeException>(() => SupermarketModel.PowerOfTwoMeanTime(rho));
    }
}
