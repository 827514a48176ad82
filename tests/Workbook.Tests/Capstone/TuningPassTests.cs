using Workbook.Capstone;

namespace Workbook.Tests.Capstone;

public sealed class TuningPassTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RunAsync_TwoShortSteps_MeasuresBothTheSameWay()
    {
        var options = new TuningOptions { Clients = 4, Warmup = TimeSpan.Zero, Measure = TimeSpan.FromMilliseconds(300), Spike = TimeSpan.FromMilliseconds(300) };
        var seen = new List<string>();

        TuningReport report = await TuningPass.RunAsync([ServiceConfig.Naive, ServiceConfig.WithCache with { Workers = 1 }], options, s => seen.Add(s.Name)).WaitAsync(Bound);

        Assert.Equal(["naive", "+ cache"], seen);
        Assert.All(report.Steps, step =>
        {
            Assert.True(step.Capacity.Successes > 0, $"{step.Name}: no answers in the capacity run");
            Assert.Equal(0, step.Capacity.Errors);
            Assert.Equal(step.Capacity.Successes, step.CapacityStats.Answered);
            Assert.True(step.Spike.Requests > 0);
        });
        Assert.Equal(0, report.First.HitRate);
        Assert.True(report.SpikeRate > 0);
        Assert.Equal(report.Last.Throughput / report.First.Throughput, report.ThroughputRatio, precision: 9);
        Assert.Same(report.Steps[1], report["+ cache"]);
        Assert.Contains("final vs naive", report.ToString(), StringComparison.Ordinal);
        AssertCharts(report);
    }

    private static void AssertCharts(TuningReport report)
    {
        var (data, _) = Workbook.Tests.Charts.ChartJson.Of(TuningCharts.Throughput(report));
        Assert.Equal(report.Steps.Select(s => s.Throughput), data[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.All(data[1].GetProperty("y").EnumerateArray(), v => Assert.Equal(report.First.Throughput, v.GetDouble()));

        var (p99, p99Layout) = Workbook.Tests.Charts.ChartJson.Of(TuningCharts.P99(report));
        Assert.Equal(report.Steps.Select(s => s.SpikeP99.TotalMilliseconds), p99[1].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("log", p99Layout.GetProperty("yaxis").GetProperty("type").GetString());

        // The three outcome shares of each step add up to all of its spike's requests.
        var (outcomes, _) = Workbook.Tests.Charts.ChartJson.Of(TuningCharts.SpikeOutcomes(report));
        for (int i = 0; i < report.Steps.Count; i++)
        {
            Assert.Equal(100, Enumerable.Range(0, 3).Sum(t => outcomes[t].GetProperty("y")[i].GetDouble()), precision: 6);
        }
    }

    [Fact]
    public async Task RunAsync_NoConfigs_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => TuningPass.RunAsync([]).WaitAsync(Bound));
    }

    [Fact]
    public async Task RunAsync_BadOptions_ThrowNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => TuningPass.RunAsync(options: new TuningOptions { Clients = 0 }).WaitAsync(Bound));

        Assert.Equal("Clients", error.ParamName);
    }

    [Fact]
    public async Task ResponsivenessProbe_BusyService_TimesHealthProbesAndSamplesThreads()
    {
        await using CapstoneService service = await CapstoneService.StartAsync(ServiceConfig.Naive).WaitAsync(Bound);

        ProbeResult probe = await ResponsivenessProbe.RunAsync(service, new ZipfKeys(), 4, TimeSpan.FromMilliseconds(400)).WaitAsync(Bound);

        Assert.NotEmpty(probe.HealthMilliseconds);
        Assert.NotEmpty(probe.Threads);
        Assert.True(probe.Load.Successes > 0);
        Assert.True(probe.HealthP99 >= probe.HealthMedian);
    }
}
