using Workbook.Tests.Support;
using Workbook.Threads;

namespace Workbook.Tests.Threads;

public sealed class CPythonRecordingTests : IDisposable
{
    private const string Sample = """
        {
          "description": "test",
          "recordedAt": "2026-01-02T03:04:05+00:00",
          "machine": { "cpu": "Test CPU", "logicalCores": 8, "usableCores": 4, "os": "TestOS", "python": "3.11.7", "implementation": "CPython", "gil": true, "loadAverageBefore": 0.25 },
          "workload": { "limit": 1000, "primes": 168, "blockSize": 10000, "timing": "best of 5 rounds" },
          "results": [
            { "mode": "sequential", "workers": 1, "seconds": 2.0, "speedup": 1.0 },
            { "mode": "threads", "workers": 2, "seconds": 2.5, "speedup": 0.8 },
            { "mode": "threads", "workers": 1, "seconds": 2.1, "speedup": 0.952 },
            { "mode": "processes", "workers": 1, "seconds": 2.0, "speedup": 1.0 },
            { "mode": "processes", "workers": 2, "seconds": 1.0, "speedup": 2.0 }
          ]
        }
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_CommittedRecording_IsConsistent()
    {
        string path = Path.Combine(Repo.Root, "data", "python", "threads_cpu.json");

        CPythonRecording recording = CPythonRecording.Load(path);

        Assert.True(recording.Machine.GilEnabled, "the committed recording is meant to show CPython with its GIL");
        Assert.Equal(PrimeCounting.CountSequential(recording.Limit), recording.Primes);
        Assert.Equal(Enumerable.Range(1, recording.Threads.Count), recording.Threads.Select(r => r.Workers));
        Assert.Equal(Enumerable.Range(1, recording.Processes.Count), recording.Processes.Select(r => r.Workers));
        Assert.All(recording.Runs, r => Assert.Equal(recording.Sequential.Seconds / r.Seconds, r.Speedup, tolerance: 0.01));
    }

    [Fact]
    public void Load_WrittenRecording_ReadsEveryField()
    {
        CPythonRecording recording = CPythonRecording.Load(Write(Sample));

        Assert.Equal(new CPythonMachine("Test CPU", 8, 4, "TestOS", "3.11.7", "CPython", true, 0.25), recording.Machine);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), recording.RecordedAt);
        Assert.Equal(1000, recording.Limit);
        Assert.Equal(168, recording.Primes);
        Assert.Equal("best of 5 rounds", recording.Timing);
        Assert.Equal(5, recording.Runs.Count);
        Assert.Equal(2.0, recording.Sequential.Seconds);
    }

    [Fact]
    public void Threads_OutOfOrderInFile_SortedByWorkers()
    {
        CPythonRecording recording = CPythonRecording.Load(Write(Sample));

        Assert.Equal([1, 2], recording.Threads.Select(r => r.Workers));
        Assert.Equal([0.952, 0.8], recording.Threads.Select(r => r.Speedup));
        Assert.Equal([1.0, 2.0], recording.Processes.Select(r => r.Speedup));
    }

    [Fact]
    public void ToString_NamesInterpreterMachineAndWorkload()
    {
        string text = CPythonRecording.Load(Write(Sample)).ToString();

        Assert.StartsWith("CPython 3.11.7 (GIL on) on 4 usable cores, Test CPU, TestOS, load average 0.25, recorded 2026-01-02: 168 primes below 1,000, sequential 2.000 s", text, StringComparison.Ordinal);
        Assert.Equal("threads × 2: 2.500 s, speedup 0.80×", new CPythonRun("threads", 2, 2.5, 0.8).ToString());
        Assert.Equal("CPython 3.11.7 (GIL on) on 2 usable cores, X, Y", new CPythonMachine("X", 2, 2, "Y", "3.11.7", "CPython", true, null).ToString());
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFoundSayingHowToRecord()
    {
        var error = Assert.Throws<FileNotFoundException>(() => CPythonRecording.Load(_temp.File("absent.json")));

        Assert.Contains("threads_cpu.py", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotJson_ThrowsInvalidData()
    {
        var error = Assert.Throws<InvalidDataException>(() => CPythonRecording.Load(Write("this is not json")));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"machine\"", "\"machineX\"", "\"machine\" is missing")]
    [InlineData("\"results\"", "\"resultsX\"", "\"results\" is missing")]
    [InlineData("\"mode\": \"sequential\"", "\"mode\": \"serial\"", "no \"sequential\" result")]
    [InlineData("\"seconds\": 2.5", "\"seconds\": 0", "positive seconds")]
    [InlineData("\"workers\": 2, \"seconds\": 2.5", "\"workers\": 0, \"seconds\": 2.5", "at least 1 worker")]
    [InlineData("\"limit\": 1000", "\"limit\": 0", "limit (0)")]
    public void Load_DamagedRecording_ThrowsInvalidDataNamingTheProblem(string original, string damaged, string expected)
    {
        Assert.Contains(original, Sample, StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => CPythonRecording.Load(Write(Sample.Replace(original, damaged, StringComparison.Ordinal))));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private string Write(string json)
    {
        string path = _temp.File(Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
