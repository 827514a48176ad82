using Workbook.Benchmarking;

namespace Workbook.Tests.Bench;

public sealed class RoundMathTests
{
    [Fact]
    public void Median_OddCount_MiddleOfTheSortedValues()
    {
        Assert.Equal(3.0, RoundMath.Median([9, 3, 1, 7, 2]));
    }

    [Fact]
    public void Median_EvenCount_MeanOfTheTwoMiddleValues()
    {
        Assert.Equal(4.5, RoundMath.Median([8, 1, 4, 5]));
    }

    [Fact]
    public void Median_OneOutlierRound_DoesNotMoveIt()
    {
        Assert.Equal(1.0, RoundMath.Median([1.0, 1.0, 1.0, 1.0, 500.0]));
    }

    [Fact]
    public void Median_InputList_IsNotReordered()
    {
        double[] samples = [3, 1, 2];

        RoundMath.Median(samples);

        Assert.Equal([3.0, 1.0, 2.0], samples);
    }

    [Fact]
    public void Median_EmptyOrNotFinite_Throws()
    {
        Assert.Throws<ArgumentException>(() => RoundMath.Median([]));
        Assert.Throws<ArgumentException>(() => RoundMath.Median([1, double.NaN]));
    }
}
