using Workbook.Benchmarking;

namespace Workbook.Tests.Bench;

public sealed class VerdictTests
{
    private static RoundSamples Samples(double[] sequential, double[] parallel) =>
        new([BenchFixtures.Contender("sequential", sequential), BenchFixtures.Contender("parallel", parallel)], []);

    [Theory]
    [InlineData(1.90, true)]
    [InlineData(1.91, true)]
    [InlineData(1.89, false)]
    public void IsMetBy_AtLeast_EqualOrAboveMeets(double ratio, bool met)
    {
        Assert.Equal(met, BenchTarget.AtLeast(1.9).IsMetBy(ratio));
    }

    [Theory]
    [InlineData(1.20, true)]
    [InlineData(1.19, true)]
    [InlineData(1.21, false)]
    public void IsMetBy_AtMost_EqualOrBelowMeets(double ratio, bool met)
    {
        Assert.Equal(met, BenchTarget.AtMost(1.2).IsMetBy(ratio));
    }

    [Fact]
    public void IsMetBy_NotANumber_NeverMeets()
    {
        Assert.False(BenchTarget.AtLeast(1).IsMetBy(double.NaN));
        Assert.False(BenchTarget.AtMost(1).IsMetBy(double.NaN));
        Assert.False(BenchTarget.AtLeast(1).IsMetBy(double.PositiveInfinity));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void AtLeast_ThresholdNotPositive_Throws(double value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BenchTarget.AtLeast(value));
    }

    [Fact]
    public void Score_BothDirections_OneMeansOnTargetAndMoreIsBetter()
    {
        Assert.Equal(0.5, BenchTarget.AtLeast(2).Score(1), 12);
        Assert.Equal(2.0, BenchTarget.AtMost(1.2).Score(0.6), 12);
        Assert.Equal(1.0, BenchTarget.AtMost(1.2).Score(1.2), 12);
    }

    [Fact]
    public void Judge_RatioOfMedians_NotMedianOfRatios()
    {
        // Medians 4 and 2 give 2.0; the per-round ratios (4, 1, 1.5) have median 1.5.
        RoundSamples samples = Samples([4, 4, 3], [1, 4, 2]);
        var spec = new BenchSpec("1", 1, "speedup", "sequential ÷ parallel", BenchTarget.AtLeast(1.9));

        BenchMeasurement row = spec.Judge(samples, v => v("sequential") / v("parallel"));

        Assert.Equal(2.0, row.Ratio);
        Assert.Equal([4.0, 1.0, 1.5], row.RoundRatios);
        Assert.Equal(BenchStatus.Met, row.Status);
        Assert.True(row.Met);
    }

    [Fact]
    public void Judge_BelowTarget_NotMetAndKeepsEverySample()
    {
        RoundSamples samples = Samples([3, 3, 3, 3, 3], [2, 2, 2, 2, 2]);
        var spec = new BenchSpec("1", 1, "speedup", "sequential ÷ parallel", BenchTarget.AtLeast(1.9));

        BenchMeasurement row = spec.Judge(samples, v => v("sequential") / v("parallel"), "limited by the machine");

        Assert.Equal(BenchStatus.NotMet, row.Status);
        Assert.False(row.Met);
        Assert.Equal(1.5, row.Ratio);
        Assert.Equal("limited by the machine", row.Notes);
        Assert.Equal(5, row.Contender("parallel").Samples.Count);
    }

    [Fact]
    public void Judge_NoTarget_Reported()
    {
        var spec = new BenchSpec("4b", 4, "hand-off", "channel ÷ blocking");

        BenchMeasurement row = spec.Judge(Samples([3], [1]), v => v("sequential") / v("parallel"));

        Assert.Equal(BenchStatus.Reported, row.Status);
        Assert.Null(row.Met);
        Assert.Equal(3.0, row.Ratio);
    }

    [Fact]
    public void Judge_RatioNotANumber_FailedWithoutARatio()
    {
        var spec = new BenchSpec("1", 1, "speedup", "sequential ÷ parallel", BenchTarget.AtLeast(1.9));

        BenchMeasurement row = spec.Judge(Samples([0], [0]), v => v("sequential") / v("parallel"));

        Assert.Equal(BenchStatus.Failed, row.Status);
        Assert.Null(row.Ratio);
        Assert.Contains("not a number", row.Notes);
    }

    [Fact]
    public void Judge_UnknownContenderInFormula_ThrowsNamingIt()
    {
        var spec = new BenchSpec("1", 1, "speedup", "");

        var error = Assert.Throws<KeyNotFoundException>(() => spec.Judge(Samples([1], [1]), v => v("missing")));

        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void SkippedPendingFailed_HaveNoRatioAndAreNeverMet()
    {
        var spec = new BenchSpec("5", 5, "wrk", "ours ÷ wrk", BenchTarget.AtLeast(0.8));

        BenchMeasurement[] rows = [spec.Skipped("skipped: wrk not installed"), spec.Pending("pending: later"), spec.Failed(new InvalidOperationException("boom"))];

        Assert.Equal([BenchStatus.Skipped, BenchStatus.Pending, BenchStatus.Failed], rows.Select(r => r.Status));
        Assert.All(rows, r => Assert.Null(r.Ratio));
        Assert.All(rows, r => Assert.Null(r.Met));
        Assert.Equal("failed: InvalidOperationException: boom", rows[2].Notes);
        Assert.Equal(spec.Target, rows[0].Target);
    }
}
