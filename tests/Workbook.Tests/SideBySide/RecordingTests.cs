using Workbook.SideBySide;
using Workbook.Tests.Support;

namespace Workbook.Tests.SideBySide;

public sealed class RecordingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void SaveThenLoad_GivesTheSameFiguresAndResults_MarkedRecorded()
    {
        Workload workload = Workload.For(Technique.Generators, WorkloadSize.Small);
        string python = Support.Output(workload, "{\"sum\": 99990000}", "{\"loop\": 0.001, \"generator\": 0.002}");
        PythonReport report = PythonOutput.Parse(python, workload);
        var live = new Comparison(
            workload, report.Interpreter, report.Measurement,
            Support.Measurement([("sum", 99_990_000)], [("loop", 0.00002), ("generator", 0.0001)]),
            ComparisonSource.Live, Support.Run);
        string path = Recording.PathFor(_folder.Path, Technique.Generators);

        Recording.Save(path, live, python);
        Comparison loaded = Recording.Load(path, Technique.Generators);

        Assert.Equal(ComparisonSource.Recorded, loaded.Source);
        Assert.Equal(live.Figures, loaded.Figures);
        Assert.Equal(live.Python.Result, loaded.Python.Result);
        Assert.Equal(live.CSharp.Result, loaded.CSharp.Result);
        Assert.Equal(live.Run, loaded.Run);
        Assert.Equal(live.Interpreter, loaded.Interpreter);
        Assert.EndsWith("generators.json", path, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_SaysHowToRecordOne()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Recording.Load(_folder.File("threads.json"), Technique.Threads));

        Assert.Contains("RecordAsync(Technique.Threads)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"parameters\": {\"limit\": 5}}")]
    [InlineData("{}")]
    public void Load_DamagedFile_ThrowsInvalidDataNamingTheFile(string content)
    {
        string path = _folder.File("threads.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<InvalidDataException>(() => Recording.Load(path, Technique.Threads));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CommittedRecordings_EveryTechniqueLoadsWithAgreeingResultsAndAMachineDescription()
    {
        foreach (Technique technique in PythonVsCSharp.All)
        {
            Comparison recorded = PythonVsCSharp.LoadRecorded(technique);

            Assert.Equal(ComparisonSource.Recorded, recorded.Source);
            Assert.True(recorded.SameResult, $"{technique}: {string.Join(", ", recorded.Differences)}");
            Assert.Equal(Workload.For(technique).Parameters.Select(p => p.Key), recorded.Workload.Parameters.Select(p => p.Key));
            Assert.False(string.IsNullOrWhiteSpace(recorded.Run.Machine.Cpu));
            Assert.True(recorded.Run.Machine.LogicalCores >= 1);
            Assert.True(recorded.Run.At.Year >= 2025);
        }
    }
}
