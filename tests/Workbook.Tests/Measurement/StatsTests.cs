using Workbook.Measurement;

namespace Workbook.Tests.Measurement;

public class StatsTests
{
    [Fact]
    public void Of_OddCount_MedianIsMiddleValue()
    {
        var stats = Stats.Of([5.0, 1.0, 3.0, 9.0, 7.0]);

        Assert.Equal(5, stats.Count);
        Assert.Equal(1.0, stats.Min);
        Assert.Equal(5.0, stats.Median);
        Assert.Equal(9.0, stats.Max);
        Assert.Equal(5.0, stats.Mean);
    }

    [Fact]
    public void Of_EvenCount_MedianIsMeanOfTwoMiddleValues()
    {
        var stats = Stats.Of([4.0, 1.0, 3.0, 2.0]);

        Assert.Equal(2.5, stats.Median);
        Assert.Equal([1.0, 2.0, 3.0, 4.0], stats.Sorted);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(25, 20)]
    [InlineData(50, 30)]
    [InlineData(90, 46)]
    [InlineData(95, 48)]
    [InlineData(100, 50)]
    public void Percentile_FiveValues_InterpolatesLinearlyBetweenRanks(double p, double expected)
    {
        // Ranks 0..4 hold 10..50; p maps to rank p/100 * 4, e.g. p90 -> rank 3.6 -> 40 + 0.6 * 10.
        var stats = Stats.Of([50.0, 10.0, 40.0, 20.0, 30.0]);

        Assert.Equal(expected, stats.Percentile(p), precision: 10);
    }

    [Fact]
    public void P90AndP99_Hundred_MatchPercentile()
    {
        var stats = Stats.Of(Enumerable.Range(1, 100).Select(i => (double)i));

        // Rank 0.9 * 99 = 89.1 -> 90 + 0.1 * 1; rank 0.99 * 99 = 98.01 -> 99 + 0.01.
        Assert.Equal(90.1, stats.P90, precision: 10);
        Assert.Equal(99.01, stats.P99, precision: 10);
    }

    [Fact]
    public void StdDev_KnownSample_IsSampleStandardDeviation()
    {
        // Mean 5, squared deviations sum to 32, n - 1 = 7.
        var stats = Stats.Of([2.0, 4, 4, 4, 5, 5, 7, 9]);

        Assert.Equal(Math.Sqrt(32.0 / 7), stats.StdDev, precision: 12);
    }

    [Fact]
    public void StdDev_SingleValue_IsZero()
    {
        var stats = Stats.Of([3.5]);

        Assert.Equal(0, stats.StdDev);
        Assert.Equal(3.5, stats.Percentile(99));
    }

    [Fact]
    public void Of_EmptySample_ThrowsArgumentExceptionNamingTheProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => Stats.Of(Array.Empty<double>()));

        Assert.Contains("empty", error.Message);
        Assert.Equal("sample", error.ParamName);
    }

    [Fact]
    public void Of_EmptyDurations_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Stats.Of(Array.Empty<TimeSpan>()));
    }

    [Fact]
    public void Of_NaN_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Stats.Of([1.0, double.NaN]));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    [InlineData(double.NaN)]
    public void Percentile_OutsideZeroToHundred_ThrowsArgumentOutOfRange(double p)
    {
        var stats = Stats.Of([1.0, 2.0]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => stats.Percentile(p));
        Assert.Equal("p", error.ParamName);
    }

    [Fact]
    public void Of_Durations_UsesMilliseconds()
    {
        var stats = Stats.Of([TimeSpan.FromMilliseconds(2), TimeSpan.FromMicroseconds(500)]);

        Assert.Equal(Stats.Milliseconds, stats.Unit);
        Assert.Equal(0.5, stats.Min, precision: 12);
        Assert.Equal(2.0, stats.Max, precision: 12);
    }

    [Fact]
    public void ToString_MillisecondDurations_PrintsCompactLineInMilliseconds()
    {
        var stats = Stats.Of(new[] { 1.10, 1.20, 1.30, 1.40, 2.00 }.Select(TimeSpan.FromMilliseconds));

        string text = stats.ToString();

        Assert.StartsWith("n=5 median 1.30 ms (min 1.10, p90 1.76, max 2.00, sd ", text);
    }

    [Fact]
    public void ToString_MicrosecondDurations_SwitchesUnit()
    {
        var stats = Stats.Of([TimeSpan.FromMicroseconds(12), TimeSpan.FromMicroseconds(14), TimeSpan.FromMicroseconds(16)]);

        Assert.StartsWith("n=3 median 14.0 µs (min 12.0, ", stats.ToString());
    }

    [Fact]
    public void ToString_PlainNumbersWithUnit_ShowsTheUnit()
    {
        var stats = Stats.Of([1000.0, 2000.0, 3000.0], "ops/s");

        Assert.StartsWith("n=3 median 2000 ops/s (min 1000, ", stats.ToString());
    }
}
