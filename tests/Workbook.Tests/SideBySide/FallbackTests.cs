using Workbook.SideBySide;
using Workbook.Tests.Support;

namespace Workbook.Tests.SideBySide;

/// <summary>What happens when python3 cannot be started: the recorded comparison, or a clear error.</summary>
public sealed class FallbackTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private SideBySideOptions NoPython => new() { PythonExecutable = _folder.File("missing/python3"), Size = WorkloadSize.Small };

    [Theory]
    [InlineData(Technique.Threads)]
    [InlineData(Technique.Async)]
    [InlineData(Technique.Caching)]
    public async Task RunAsync_PythonMissing_ReturnsTheRecordedComparison(Technique technique)
    {
        Comparison comparison = await PythonVsCSharp.RunAsync(technique, NoPython).Within();
        Comparison recorded = PythonVsCSharp.LoadRecorded(technique);

        Assert.Equal(ComparisonSource.Recorded, comparison.Source);
        Assert.Equal(technique, comparison.Technique);
        Assert.Equal(recorded.Python.Result, comparison.Python.Result);
        Assert.Equal(recorded.Headline, comparison.Headline);
        Assert.True(comparison.SameResult, string.Join(", ", comparison.Differences));
    }

    [Fact]
    public async Task RunAsync_PythonMissingAndThrowRequested_ThrowsUnavailable()
    {
        var error = await Assert.ThrowsAsync<PythonUnavailableException>(
            () => PythonVsCSharp.RunAsync(Technique.Threads, NoPython with { WhenPythonMissing = PythonFallback.Throw }).Within());

        Assert.Contains("missing/python3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PythonMissingAndNoRecording_SaysBoth()
    {
        var error = await Assert.ThrowsAsync<PythonUnavailableException>(
            () => PythonVsCSharp.RunAsync(Technique.Threads, NoPython with { RecordedFolder = _folder.Path }).Within());

        Assert.Contains("no recorded Threads comparison", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckPythonAsync_PythonMissing_SaysRecordedResultsAreShownWithTheirDate()
    {
        PythonCheck check = await PythonVsCSharp.CheckPythonAsync(NoPython).Within();
        Comparison recorded = PythonVsCSharp.LoadRecorded(Technique.Threads);

        Assert.False(check.Available);
        Assert.Contains("not available", check.Message, StringComparison.Ordinal);
        Assert.Contains($"recorded on {recorded.Run.At.UtcDateTime:yyyy-MM-dd}", check.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', check.Message);
    }

    [Fact]
    public async Task RunAsync_PythonPrintsGarbage_ThrowsRunExceptionInsteadOfFallingBack()
    {
        string python = Support.FakePython(_folder.Path, "echo 'hello, not json'\necho 'a warning' >&2");

        var error = await Assert.ThrowsAsync<PythonRunException>(
            () => PythonVsCSharp.RunAsync(Technique.Threads, NoPython with { PythonExecutable = python }).Within());

        Assert.Contains("not JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("a warning", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ScriptPathMissing_ThrowsFileNotFoundNamingIt()
    {
        var error = await Assert.ThrowsAsync<FileNotFoundException>(
            () => PythonVsCSharp.RunAsync(Technique.Threads, NoPython with { ScriptPath = _folder.File("nope.py") }).Within());

        Assert.Contains("nope.py", error.Message, StringComparison.Ordinal);
    }
}
