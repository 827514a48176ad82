using System.Text.Json;
using Workbook.Benchmarking;
using Workbook.Tests.Support;

namespace Workbook.Tests.Bench;

public sealed class BenchResultsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    internal static BenchResults Sample()
    {
        var speedup = new BenchSpec("1", 1, "CPU-bound speedup", "sequential ÷ parallel", BenchTarget.AtLeast(1.9, "0.95 × 2 cores"));
        var handOff = new BenchSpec("4b", 4, "Channel vs BlockingCollection", "channel ÷ blocking");
        var wrk = new BenchSpec("5", 5, "Load generator vs wrk", "ours ÷ wrk", BenchTarget.AtLeast(0.8));
        var samples = new RoundSamples([BenchFixtures.Contender("sequential", 2, 2.2, 1.9, 2.1, 2), BenchFixtures.Contender("parallel", 1.2, 1.3, 1.25, 1.2, 1.3)], []);
        return new BenchResults
        {
            StartedAt = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero),
            TotalSeconds = 612.5,
            Command = "dotnet run -c Release --project lib/Workbook.Bench --",
            Rounds = 5,
            Quick = false,
            Judged = true,
            Machine = new BenchMachine("Linux", "Test CPU", 2, ".NET 10.0.0", "Release", 1.5, 1.25, new Dictionary<string, string> { ["wrk"] = "wrk 4.1.0" }),
            Measurements =
            [
                speedup.Judge(samples, v => v("sequential") / v("parallel"), "ceiling 1.65×", [new BenchMetric("machine ceiling", 1.65, "×")]),
                handOff.Judge([BenchFixtures.Contender("Channel", 9e6), BenchFixtures.Contender("BlockingCollection", 1.5e6)], 6.0),
                wrk.Skipped(new ToolRequirement("wrk", "apt-get install wrk").SkipReason),
            ],
        };
    }

    [Fact]
    public void ToJson_FromJson_RoundTripsEveryField()
    {
        BenchResults original = Sample();

        BenchResults copy = BenchResults.FromJson(original.ToJson());

        Assert.Equal(original.ToJson(), copy.ToJson());
        Assert.Equal(original.Machine.Tools, copy.Machine.Tools);
        Assert.Equal(original.Measurements[0].Contenders[1].Samples, copy.Measurements[0].Contenders[1].Samples);
        Assert.Equal(original.Measurements[0].Target, copy.Measurements[0].Target);
        Assert.Equal(original.Measurements[0].Ratio, copy.Measurements[0].Ratio);
        Assert.Equal(original.Measurements[0].Metrics, copy.Measurements[0].Metrics);
        Assert.Equal(original.Measurements.Select(m => m.Status), copy.Measurements.Select(m => m.Status));
    }

    [Fact]
    public void ToJson_StableSchema_NamesAndKebabCaseValues()
    {
        using JsonDocument json = JsonDocument.Parse(Sample().ToJson());
        JsonElement root = json.RootElement;
        JsonElement first = root.GetProperty("measurements")[0];

        Assert.Equal(BenchResults.CurrentSchema, root.GetProperty("schema").GetString());
        Assert.Equal("not-met", first.GetProperty("status").GetString());
        Assert.False(first.GetProperty("met").GetBoolean());
        Assert.Equal(1.6, first.GetProperty("ratio").GetDouble(), 9);
        Assert.Equal("at-least", first.GetProperty("target").GetProperty("comparison").GetString());
        Assert.Equal(1.9, first.GetProperty("target").GetProperty("value").GetDouble());
        Assert.Equal(5, first.GetProperty("contenders")[0].GetProperty("samples").GetArrayLength());
        Assert.Equal("skipped", root.GetProperty("measurements")[2].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("measurements")[2].GetProperty("ratio").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("measurements")[2].GetProperty("met").ValueKind);
        Assert.False(root.TryGetProperty("judgedMeasurements", out _));
    }

    [Fact]
    public void SaveThenLoad_SameResults()
    {
        string path = _temp.File("nested/results.json");

        Sample().Save(path);
        BenchResults loaded = BenchResults.Load(path);

        Assert.Equal(Sample().ToJson(), loaded.ToJson());
        Assert.Equal(["1"], loaded.JudgedMeasurements.Select(m => m.Id));
        Assert.Equal("Channel vs BlockingCollection", loaded["4b"].Name);
    }

    [Fact]
    public void Indexer_UnknownId_ThrowsListingTheIds()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Sample()["9z"]);

        Assert.Contains("1, 4b, 5", error.Message);
    }

    [Fact]
    public void Load_MissingFile_SaysHowToRecord()
    {
        var error = Assert.Throws<FileNotFoundException>(() => BenchResults.Load(_temp.File("none.json")));

        Assert.Contains("--record", error.Message);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("{\"schema\": \"concurrency-workbook/bench/v1\"}")]
    public void FromJson_NotResults_InvalidData(string json)
    {
        Assert.Throws<InvalidDataException>(() => BenchResults.FromJson(json));
    }

    [Fact]
    public void FromJson_OtherSchema_InvalidDataNamingIt()
    {
        string json = Sample().ToJson().Replace(BenchResults.CurrentSchema, "someone-else/v9", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => BenchResults.FromJson(json));

        Assert.Contains("someone-else/v9", error.Message);
    }
}
