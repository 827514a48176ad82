using Workbook.Tests.Support;
using Workbook.Tuning;

namespace Workbook.Tests.Tuning;

public sealed class BenchmarkReportTests
{
    private const string Sample = """
        {
          "Title": "Demo-20250101",
          "HostEnvironmentInfo": { "ProcessorName": "Test CPU", "LogicalCoreCount": 2, "OsVersion": "TestOS", "RuntimeVersion": ".NET 10.0.0", "Configuration": "RELEASE", "BenchmarkDotNetVersion": "0.15.8" },
          "Benchmarks": [
            { "Type": "CounterBenchmarks", "Method": "Increment", "Parameters": "Kind=Lock&Threads=4",
              "Statistics": { "Mean": 21.5, "Median": 21.0, "StandardDeviation": 1.5, "Min": 20.0, "Max": 24.0, "OriginalValues": [20.0, 21.0, 24.0] },
              "Memory": { "Gen0Collections": 0, "TotalOperations": 1000, "BytesAllocatedPerOperation": 0 } },
            { "Type": "BufferBenchmarks", "Method": "NewArray", "Parameters": "",
              "Statistics": { "Mean": 400.0, "Median": 390.0, "StandardDeviation": 30.0, "Min": 350.0, "Max": 480.0 },
              "Memory": { "Gen0Collections": 31, "TotalOperations": 500000, "BytesAllocatedPerOperation": 1048 } }
          ]
        }
        """;

    [Fact]
    public void Parse_BriefReport_RowsWithParametersStatisticsAndMemory()
    {
        BenchmarkReport report = BenchmarkReport.Parse(Sample);

        Assert.Equal("Demo-20250101", report.Title);
        Assert.Contains("Test CPU, 2 logical cores", report.Machine, StringComparison.Ordinal);
        BenchmarkRow counter = report.Of("CounterBenchmarks").Single();
        Assert.Equal("Lock", counter.Parameter("Kind"));
        Assert.Equal("4", counter.Parameter("Threads"));
        Assert.Equal("Increment Kind=Lock Threads=4", counter.Label);
        Assert.Equal(21.5, counter.MeanNanoseconds);
        Assert.Equal([20.0, 21.0, 24.0], counter.Measurements);
        BenchmarkRow buffer = report.Of("BufferBenchmarks").Single();
        Assert.Empty(buffer.Parameters);
        Assert.Equal(1048, buffer.AllocatedBytesPerOperation);
        Assert.Equal(0.062, buffer.Gen0Per1000Operations, 6);
    }

    [Fact]
    public void Parameter_Missing_ThrowsNamingTheOnesThereAre()
    {
        BenchmarkRow row = BenchmarkReport.Parse(Sample).Rows[0];

        var error = Assert.Throws<KeyNotFoundException>(() => row.Parameter("Size"));
        Assert.Contains("Kind, Threads", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{ \"Title\": \"x\" }")]
    [InlineData("{ \"Benchmarks\": [ { \"Type\": \"T\", \"Method\": \"M\", \"Statistics\": null } ] }")]
    public void Parse_NotAReport_InvalidDataException(string text) =>
        Assert.Throws<InvalidDataException>(() => BenchmarkReport.Parse(text));

    [Fact]
    public void LoadAll_MissingFolder_DirectoryNotFound() =>
        Assert.Throws<DirectoryNotFoundException>(() => BenchmarkReport.LoadAll(Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N"))));

    [Fact]
    public void LoadAll_CommittedResults_HoldTheChaptersThreeBenchmarkClasses()
    {
        var reports = BenchmarkReport.LoadAll(Path.Combine(Repo.Root, "data", "benchmarks"));
        var rows = reports.SelectMany(r => r.Rows).ToList();

        Assert.Equal(15, rows.Count(r => r.Type == "CounterBenchmarks"));
        Assert.Equal(["ArrayPool", "NewArray", "StackAlloc"], rows.Where(r => r.Type == "BufferBenchmarks").Select(r => r.Method).Order());
        Assert.Equal(3, rows.Count(r => r.Type == "CacheBenchmarks"));
        Assert.All(rows, r => Assert.True(r.MeanNanoseconds > 0 && r.Measurements.Count > 0, r.ToString()));
        Assert.All(reports, r => Assert.Contains("RELEASE build", r.Machine, StringComparison.Ordinal));
    }
}
