using Workbook.Simulation;

namespace Workbook.Tests.Simulation;

public sealed class LatencySummaryTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(100, 1)]
    [InlineData(1_001, 2)]
    [InlineData(50_000, 3)]
    public void Of_RandomSamples_PercentilesMatchSortedNearestRank(int count, int seed)
    {
        var random = new Random(seed);

        // Rounded to a few distinct values so duplicates (as with deterministic service) are exercised too.
        var samples = Enumerable.Range(0, count).Select(_ => Math.Round(random.NextDouble() * 50, seed % 2 == 0 ? 1 : 6)).ToArray();
        var sorted = samples.Select(s => (double)(float)s).Order().ToArray();

        var summary = LatencySummary.Of(samples);

        Assert.Equal(count, summary.Count);
        Assert.Equal(samples.Average(), summary.Mean, precision: 9);
        Assert.Equal(samples.Max(), summary.Max);
        Assert.Equal(sorted[NearestRank(0.50, count)], summary.P50);
        Assert.Equal(sorted[NearestRank(0.90, count)], summary.P90);
        Assert.Equal(sorted[NearestRank(0.99, count)], summary.P99);
    }

    [Fact]
    public void Of_OneToHundred_TextbookPercentiles()
    {
        var summary = LatencySummary.Of(Enumerable.Range(1, 100).Select(i => (double)i).Reverse());
        Assert.Equal((50.0, 90.0, 99.0, 100.0), (summary.P50, summary.P90, summary.P99, summary.Max));
    }

    [Fact]
    public void Of_NoSamples_Empty()
    {
        Assert.Same(LatencySummary.Empty, LatencySummary.Of([]));
        Assert.Equal("no samples", LatencySummary.Empty.ToString());
    }

    [Fact]
    public void Of_NaNSample_Throws()
    {
        Assert.Throws<ArgumentException>(() => LatencySummary.Of([1.0, double.NaN]));
    }

    [Fact]
    public void Select_AdversarialAllEqualAndSorted_StillCorrect()
    {
        var equal = Enumerable.Repeat(3f, 10_000).ToArray();
        Assert.Equal(3f, Selection.Select(equal, 9_000));

        var descending = Enumerable.Range(0, 10_000).Select(i => (float)(10_000 - i)).ToArray();
        Assert.Equal(5_001f, Selection.Select(descending, 5_000));
    }

    private static int NearestRank(double p, int count) => Math.Max(0, (int)Math.Ceiling(p * count) - 1);
}
