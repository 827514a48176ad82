using Workbook.SideBySide;

namespace Workbook.Tests.SideBySide;

/// <summary>The comparison math: each technique's figures from both sides' times, and the ratios between them.</summary>
public sealed class ComparisonTests
{
    private static Comparison Make(Workload workload, SideMeasurement python, SideMeasurement csharp) =>
        new(workload, Support.Interpreter, python, csharp, ComparisonSource.Live, Support.Run);

    [Fact]
    public void Threads_Headline_IsEachSidesSpeedupWithTheWorkerCountAsIdeal()
    {
        Workload workload = Workload.For(Technique.Threads, workers: 2);
        Comparison comparison = Make(
            workload,
            Support.Measurement([("primes", 5)], [("sequential", 1.0), ("threads", 1.0)]),
            Support.Measurement([("primes", 5)], [("sequential", 0.04), ("threads", 0.02)]));

        Figure speedup = comparison.Headline;
        Assert.Equal("speedup with 2 threads", speedup.Name);
        Assert.Equal(1.0, speedup.Python, 9);
        Assert.Equal(2.0, speedup.CSharp, 9);
        Assert.Equal(2.0, speedup.Ideal);
        Assert.Equal(2.0, speedup.CSharpAdvantage, 9);
        Assert.Equal(FigureKind.Scaling, speedup.Kind);

        // One thread: 1 s for 200,000 numbers is 5,000 ns each; 0.04 s is 200 ns; C# 25 times faster.
        Assert.Equal(5_000, comparison.Speed.Python, 6);
        Assert.Equal(200, comparison.Speed.CSharp, 6);
        Assert.Equal(25, comparison.Speed.CSharpAdvantage, 9);
    }

    [Fact]
    public void Async_OverheadPerWait_IsWallMinusOneWaitSharedOverTheWaits()
    {
        Workload workload = Workload.For(Technique.Async);   // 100,000 waits of 500 ms
        Comparison comparison = Make(
            workload,
            Support.Measurement([("completed", 1)], [("wall", 2.5)]),
            Support.Measurement([("completed", 1)], [("wall", 0.6)]));

        Assert.Equal(5.0, comparison.Headline.Python, 9);            // 2.5 s ÷ 0.5 s
        Assert.Equal(1.2, comparison.Headline.CSharp, 9);
        Assert.Equal(1.0, comparison.Headline.Ideal);
        Assert.Equal(20.0, comparison.Figure("overhead per wait").Python, 9);   // 2.0 s ÷ 100,000 = 20 µs
        Assert.Equal(1.0, comparison.Figure("overhead per wait").CSharp, 9);
        Assert.Equal(20.0, comparison.Figure("overhead per wait").CSharpAdvantage, 9);
    }

    [Fact]
    public void Async_WallBelowOneWait_KeepsTheOverheadPositive()
    {
        Workload workload = Workload.For(Technique.Async);

        double overhead = FigureRules.Overhead(0.499, workload);

        Assert.True(overhead > 0);
        Assert.True(double.IsFinite(0.001 / overhead));
    }

    [Fact]
    public void Queues_Throughputs_AreItemsOverSeconds_HigherIsBetter()
    {
        Workload workload = Workload.For(Technique.Queues);   // 100,000 items
        Comparison comparison = Make(
            workload,
            Support.Measurement([("items", 1)], [("blocking", 0.5), ("async", 0.25)]),
            Support.Measurement([("items", 1)], [("blocking", 0.05), ("async", 0.01)]));

        Assert.Equal(200_000, comparison.Headline.Python, 6);
        Assert.Equal(2_000_000, comparison.Headline.CSharp, 6);
        Assert.Equal(Better.Higher, comparison.Headline.Better);
        Assert.Equal(10, comparison.Headline.CSharpAdvantage, 9);
        Assert.Equal(2, comparison.Figure("async queue ÷ blocking queue").Python, 9);
        Assert.Equal(5, comparison.Figure("async queue ÷ blocking queue").CSharp, 9);
    }

    [Fact]
    public void Figure_PythonBetterOnALowerIsBetterFigure_AdvantageBelowOneAndSaysSo()
    {
        var start = new Figure("starting a pool", "ms", Python: 10, CSharp: 400, Better.Lower, FigureKind.Speed);

        Assert.Equal(0.025, start.CSharpAdvantage, 9);
        Assert.Equal(40, start.Ratio, 9);
        Assert.Contains("CPython 40.0× better", start.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTechnique_HasAHeadlineAndASpeedFigure()
    {
        foreach (Technique technique in PythonVsCSharp.All)
        {
            Workload workload = Workload.For(technique);
            SideMeasurement side = Support.Measurement([("n", 1)], TimesFor(technique));

            Comparison comparison = Make(workload, side, side);

            Assert.NotEmpty(comparison.Figures);
            Assert.Equal(FigureKind.Speed, comparison.Speed.Kind);
            Assert.All(comparison.Figures, f => Assert.Equal(1.0, f.CSharpAdvantage, 9));
        }
    }

    [Fact]
    public void Differences_ResultsDisagree_ListsTheKeysAndToStringShoutsIt()
    {
        Workload workload = Workload.For(Technique.Caching);
        Comparison comparison = Make(
            workload,
            Support.Measurement([("hits", 7), ("misses", 3), ("checksum", 99)], [("uncached", 1), ("cached", 0.5)]),
            Support.Measurement([("hits", 6), ("misses", 4), ("checksum", 99)], [("uncached", 1), ("cached", 0.5)]));

        Assert.False(comparison.SameResult);
        Assert.Equal(["hits", "misses"], comparison.Differences);
        Assert.Contains("RESULTS DIFFER in hits, misses", comparison.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Differences_KeyOnOneSideOnly_CountsAsDifferent()
    {
        Workload workload = Workload.For(Technique.Generators);
        Comparison comparison = Make(
            workload,
            Support.Measurement([("sum", 10)], [("loop", 1), ("generator", 2)]),
            Support.Measurement([("sum", 10), ("extra", 1)], [("loop", 1), ("generator", 2)]));

        Assert.Equal(["extra"], comparison.Differences);
    }

    [Fact]
    public void Constructor_MissingTime_NamesIt()
    {
        Workload workload = Workload.For(Technique.Threads);
        SideMeasurement incomplete = Support.Measurement([("primes", 1)], [("sequential", 1.0)]);

        var error = Assert.Throws<KeyNotFoundException>(() => Make(workload, incomplete, incomplete));

        Assert.Contains("'threads'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.953, "0.953")]
    [InlineData(18.44, "18.4")]
    [InlineData(234.4, "234")]
    [InlineData(2340.2, "2,340")]
    public void Format_ThreeSignificantDigits(double value, string expected) =>
        Assert.Equal(expected, Figure.Format(value));

    [Fact]
    public void SideMeasurement_NonPositiveTime_Throws() =>
        Assert.Throws<ArgumentException>(() => Support.Measurement([("n", 1)], [("wall", 0.0)]));

    private static (string, double)[] TimesFor(Technique technique) => technique switch
    {
        Technique.Threads => [("sequential", 1), ("threads", 1)],
        Technique.Processes => [("sequential", 1), ("processes", 1), ("start", 1)],
        Technique.Async => [("wall", 1)],
        Technique.Generators => [("loop", 1), ("generator", 1)],
        Technique.Networking => [("exchanges", 1)],
        Technique.Queues => [("blocking", 1), ("async", 1)],
        Technique.Balancing => [("round-robin", 1), ("weighted-round-robin", 1), ("least-connections", 1)],
        Technique.Caching => [("uncached", 1), ("cached", 1)],
        _ => throw new ArgumentOutOfRangeException(nameof(technique)),
    };
}
