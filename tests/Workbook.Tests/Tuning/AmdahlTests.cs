using Workbook.Charts;
using Workbook.Tuning;

namespace Workbook.Tests.Tuning;

public sealed class AmdahlTests
{
    [Theory]
    [InlineData(0.0, 2, 2, 2.0)]
    [InlineData(0.0, 4, 2, 2.0)]
    [InlineData(0.5, 4, 2, 4.0 / 3)]
    [InlineData(0.2, 1_000, 1_000, 1 / (0.2 + (0.8 / 1_000)))]
    [InlineData(1.0, 8, 8, 1.0)]
    public void Predict_FractionThreadsCores_AmdahlsFormulaCappedAtCores(double serial, int threads, int cores, double expected) =>
        Assert.Equal(expected, Amdahl.Predict(serial, threads, cores), 9);

    [Fact]
    public void Measure_TwoFractions_OnePointPerPairAndOneThreadIsTheBaseline()
    {
        var points = Amdahl.Measure([0.0, 0.5], [2], work: TimeSpan.FromMilliseconds(5), rounds: 1);

        Assert.Equal([(0.0, 1), (0.0, 2), (0.5, 1), (0.5, 2)], points.Select(p => (p.SerialFraction, p.Threads)));
        Assert.All(points.Where(p => p.Threads == 1), p => Assert.Equal(1.0, p.Speedup));
        Assert.All(points, p => Assert.Equal(Amdahl.Predict(p.SerialFraction, p.Threads), p.Predicted));
        Assert.True(double.IsPositiveInfinity(points[0].Ceiling));
        Assert.Equal(2.0, points[2].Ceiling);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Measure_FractionOutOfRange_Throws(double serial) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Amdahl.Measure([serial], [2]));

    [Fact]
    public void Chart_Points_MeasuredAndPredictedLinePerFraction()
    {
        var point = new AmdahlPoint(0.5, 2, TimeSpan.FromMilliseconds(10), 1.3, 4.0 / 3, 2);

        string html = ChartHtml.Render(AmdahlChart.Of([point with { Threads = 1, Speedup = 1, Predicted = 1 }, point]));

        Assert.Contains("serial 50%: measured", html, StringComparison.Ordinal);
        Assert.Contains("\"dash\"", html, StringComparison.Ordinal);
    }
}
