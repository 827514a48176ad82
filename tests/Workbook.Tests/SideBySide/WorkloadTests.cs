using Workbook.SideBySide;

namespace Workbook.Tests.SideBySide;

public sealed class WorkloadTests
{
    [Fact]
    public void For_Threads_PassesWorkersToTheScriptArguments()
    {
        Workload workload = Workload.For(Technique.Threads, WorkloadSize.Standard, workers: 3);

        Assert.Equal(3, workload["workers"]);
        Assert.Equal(["threads", "--limit", "200000", "--workers", "3", "--repeats", "3"], workload.ScriptArguments);
    }

    [Fact]
    public void For_EveryTechniqueAndSize_HasPositiveParametersAndADescription()
    {
        foreach (Technique technique in PythonVsCSharp.All)
        {
            foreach (WorkloadSize size in Enum.GetValues<WorkloadSize>())
            {
                Workload workload = Workload.For(technique, size);
                Assert.All(workload.Parameters, p => Assert.True(p.Value >= 1, $"{technique} {p.Key}"));
                Assert.Equal(technique.ToString().ToLowerInvariant(), workload.Command);
                Assert.False(string.IsNullOrWhiteSpace(workload.Description));
            }
        }
    }

    [Fact]
    public void For_SmallSize_IsSmallerThanStandard()
    {
        Assert.True(Workload.For(Technique.Async, WorkloadSize.Small)["waits"] < Workload.For(Technique.Async)["waits"]);
        Assert.True(Workload.For(Technique.Generators, WorkloadSize.Small)["items"] < Workload.For(Technique.Generators)["items"]);
    }

    [Fact]
    public void For_ZeroWorkers_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Workload.For(Technique.Threads, workers: 0));

    [Fact]
    public void Indexer_UnknownParameter_NamesTheOnesThereAre()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Workload.For(Technique.Threads)["items"]);

        Assert.Contains("limit, workers, repeats", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ValueBelowOne_ThrowsNamingTheParameter()
    {
        var error = Assert.Throws<ArgumentException>(() => new Workload(Technique.Threads, [KeyValuePair.Create("limit", 0L)]));

        Assert.Contains("'limit' is 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RepeatedName_Throws() =>
        Assert.Throws<ArgumentException>(() => new Workload(Technique.Threads, [KeyValuePair.Create("limit", 5L), KeyValuePair.Create("limit", 6L)]));

    [Fact]
    public void Options_BlankPythonOrZeroTimeLimit_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SideBySideOptions { PythonExecutable = " " });
        Assert.Throws<ArgumentOutOfRangeException>(() => new SideBySideOptions { PythonTimeLimit = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new SideBySideOptions { Workers = 0 });
    }
}
