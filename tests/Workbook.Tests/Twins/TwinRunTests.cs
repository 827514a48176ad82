using System.Text.RegularExpressions;
using Workbook.Runner.Notebooks;
using Workbook.Runner.Twins;
using Workbook.Tests.Runner;
using Workbook.Tests.Support;
using Xunit.Abstractions;

namespace Workbook.Tests.Twins;

/// <summary>
/// Every committed twin runs as a learner runs it, <c>dotnet run twins/NN-name.cs</c>: it builds, every
/// demonstration and claim passes (exit code 0), it writes the charts its notebook shows, the stub
/// checks say NOT ATTEMPTED YET, and nothing it started is left running. Slow (a build per twin, then
/// the chapter itself): tagged Category=Twins so it can be run or skipped on its own.
/// </summary>
[Trait("Category", "Twins")]
[Collection(TwinRunCollection.Name)]
public class TwinRunTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(15);

    private static string TwinFolder => Path.Combine(Repo.Root, TwinGenerator.DefaultFolder);

    [Theory]
    [MemberData(nameof(NotebookCatalogTests.Notebooks), MemberType = typeof(NotebookCatalogTests))]
    public async Task Twin_Run_ExitsZeroWritesItsChartsAndLeavesNothingRunning(string name)
    {
        var chapter = Path.GetFileNameWithoutExtension(name);
        var twinFile = Path.Combine(TwinFolder, chapter + ".cs");
        Assert.True(File.Exists(twinFile), $"twins/{chapter}.cs is missing: dotnet run --project lib/Workbook.Runner -- twins notebooks/{name}");
        var expected = TwinGenerator.Generate(Path.Combine(Repo.Notebooks, name), TwinFolder);
        var title = NotebookDocument.Load(Path.Combine(Repo.Notebooks, name)).Title;
        using var temp = new TempFolder();

        var run = await TwinProcess.RunAsync(twinFile, ["--out", temp.Path], temp.File("progress.json"), Bound).WaitAsync(Bound + TimeSpan.FromMinutes(1));
        log.WriteLine($"{chapter}: {run.Elapsed.TotalSeconds:0} s in all (build and run); {Regex.Match(run.Output, @"done in [0-9.]+ s").Value}");

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}:\n{run.Output}");
        Assert.Contains($"== {title}: done in ", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Leftovers);
        var charts = Directory.Exists(Path.Combine(temp.Path, chapter))
            ? Directory.GetFiles(Path.Combine(temp.Path, chapter), "chart-*.html").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : [];
        // A chart shown inside an if or a loop (e.g. only when a recorded result file exists) may not be drawn:
        // every unconditional chart must be, and never more than the notebook can show.
        var conditional = Regex.Matches(expected.Source, @"^[ \t]+Twin\.Show\(", RegexOptions.Multiline).Count;
        Assert.InRange(charts.Count, Math.Max(0, expected.Charts - conditional), expected.Charts);
        Assert.Equal(Enumerable.Range(1, charts.Count).Select(i => $"chart-{i:00}.html"), charts);
        Assert.Equal(charts.Count, Regex.Matches(run.Output, @"^\[chart [0-9]+\] ", RegexOptions.Multiline).Count);
        var verdicts = run.Output.Split('\n').Where(l => Regex.IsMatch(l, @"^(PASSED|FAILED|NOT ATTEMPTED YET) [0-9]{2}\.[0-9]+ ")).ToList();
        Assert.Equal(expected.Exercises.Count, verdicts.Count);
        Assert.All(verdicts, v => Assert.StartsWith("NOT ATTEMPTED YET", v, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Twin_CheckWithSolutions_PassesEveryExerciseFromTheTerminal()
    {
        // The learner's loop: an answer written into the twin's class, then `-- --check`. The twin is
        // generated with the reference solutions into a folder outside the repository.
        using var temp = new TempFolder();
        var twin = TwinGenerator.Generate(Path.Combine(Repo.Notebooks, "01-threads.ipynb"), temp.File("twins"), solutions: true);
        Directory.CreateDirectory(temp.File("twins"));
        File.WriteAllText(twin.Path, twin.Source);

        var run = await TwinProcess.RunAsync(twin.Path, ["--check"], temp.File("progress.json"), Bound).WaitAsync(Bound + TimeSpan.FromMinutes(1));
        log.WriteLine($"01-threads with solutions, --check: {run.Elapsed.TotalSeconds:0} s in all");

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}:\n{run.Output}");
        Assert.Equal(twin.Exercises.Select(id => $"PASSED {id}"), run.Output.Split('\n').Where(l => l.StartsWith("PASSED", StringComparison.Ordinal)).Select(l => l[..11]));
        Assert.DoesNotContain("== 01 · Threads: Races", run.Output, StringComparison.Ordinal);   // no demonstration ran
        Assert.Empty(run.Leftovers);
    }

    [Fact]
    public async Task Twin_CheckUnknownExercise_ExitsOneAndSaysWhichExist()
    {
        using var temp = new TempFolder();

        var run = await TwinProcess.RunAsync(Path.Combine(TwinFolder, "00-start-here.cs"), ["--check", "00.9"], temp.File("progress.json"), Bound).WaitAsync(Bound + TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}:\n{run.Output}");
        Assert.Contains("There is no exercise 00.9 in this chapter", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("00.1 (", run.Output, StringComparison.Ordinal);   // 00.1 was not checked
    }
}

/// <summary>Twins build and run whole chapters: never alongside each other or other heavy tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TwinRunCollection
{
    public const string Name = "Twin runs";
}
