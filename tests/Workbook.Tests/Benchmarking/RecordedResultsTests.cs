using Workbook.Benchmarking;
using Workbook.Tests.Support;

namespace Workbook.Tests.Benchmarking;

/// <summary>The recorded results in data/bench/ that the tuning chapter charts: loadable and internally consistent.</summary>
public sealed class RecordedResultsTests
{
    private static readonly string Path = System.IO.Path.Combine(Repo.Root, "data", "bench", "results.json");

    [Fact]
    public void Load_CommittedResults_VerdictsFollowFromRatiosAndTargets()
    {
        BenchResults results = BenchResults.Load(Path);

        Assert.True(results.Judged, "the committed results must come from a judged run (full, at least 5 rounds, Release)");
        Assert.True(results.Rounds >= BenchOptions.MinimumJudgedRounds);
        Assert.Equal(Enumerable.Range(1, 10), results.Measurements.Select(m => m.Item).Distinct());
        Assert.Equal(results.Measurements.Count, results.Measurements.Select(m => m.Id).Distinct().Count());
        foreach (BenchMeasurement row in results.Measurements)
        {
            if (row.Status is BenchStatus.Met or BenchStatus.NotMet)
            {
                Assert.NotNull(row.Ratio);
                Assert.NotNull(row.Target);
                Assert.Equal(row.Status == BenchStatus.Met, row.Target!.IsMetBy(row.Ratio!.Value));
            }
            else
            {
                Assert.Null(row.Met);
            }
        }
    }

    [Fact]
    public void Load_CommittedResults_MediansMatchTheirSamples()
    {
        BenchResults results = BenchResults.Load(Path);

        foreach (ContenderResult contender in results.Measurements.SelectMany(m => m.Contenders))
        {
            Assert.Equal(RoundMath.Median(contender.Samples), contender.Median, 9);
        }

        Assert.All(
            results.Measurements.Where(m => m.Met is not null),
            m => Assert.All(m.Contenders.Where(c => c.Unit != "×"), c => Assert.True(c.Samples.Count >= results.Rounds, $"{m.Id} {c.Name} has {c.Samples.Count} samples")));
    }

    [Fact]
    public void Score_CommittedResults_ChartsEveryJudgedRow()
    {
        BenchResults results = BenchResults.Load(Path);

        var (data, _) = Charts.ChartJson.Of(BenchChart.Score(results));

        Assert.Equal(results.JudgedMeasurements.Count, data[0].GetProperty("x").GetArrayLength());
    }
}
