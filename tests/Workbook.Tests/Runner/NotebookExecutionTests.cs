using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workbook.Runner.Execution;
using Workbook.Tests.Support;

namespace Workbook.Tests.Runner;

/// <summary>
/// Every committed notebook runs through the runner with no failed cell: as committed (exercise stubs
/// untouched, checks report "not attempted") and with the reference solutions in place of the stubs.
/// The solutions run goes through the notebook twice in one kernel (all cells, then all cells again), as a
/// learner does who re-runs a chapter: ports, processes, static state and registrations must be re-creatable.
/// </summary>
[Collection(RunnerCollection.Name)]
public class NotebookExecutionTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(20);

    public static TheoryData<string> Notebooks() => NotebookCatalogTests.Notebooks();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public Task Notebook_AsCommitted_RunsWithNoFailedCell(string name) => RunAndAssert(name, solutions: false);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public Task Notebook_WithSolutionsRunTwiceInOneKernel_RunsWithNoFailedCell(string name) => RunAndAssert(name, solutions: true);

    private static async Task RunAndAssert(string name, bool solutions)
    {
        using var temp = new TempFolder();
        using var cts = new CancellationTokenSource(Bound);
        var options = new RunOptions([Path.Combine(Repo.Notebooks, name)], temp.Path, new ExecuteOptions(TimeSpan.FromMinutes(5), solutions, Repeat: solutions ? 2 : 1), WriteSite: false);
        var report = await WorkbookRun.RunAsync(options, cancellationToken: cts.Token).WaitAsync(Bound);

        var notebook = report.Notebooks.Single();
        Assert.True(notebook.Succeeded, SummaryTable.Format(report));
        Assert.NotEmpty(notebook.Cells);
        if (solutions) Assert.Contains(notebook.Cells, c => c.Pass == 2);
        // Exercise checks print one verdict line each: untouched stubs must say NOT ATTEMPTED YET
        // (never FAILED), and the reference solutions must all say PASSED.
        var verdicts = PrintedLines(notebook.ExecutedPath!).Where(l => Regex.IsMatch(l, @"^(PASSED|FAILED|NOT ATTEMPTED YET) [0-9]{2}\.[0-9]+ ")).ToList();
        var stubs = Workbook.Runner.Notebooks.NotebookDocument.Load(Path.Combine(Repo.Notebooks, name)).Cells
            .Count(c => SolutionSource.ExerciseId(c.Source) is not null);
        Assert.True(verdicts.Count >= stubs, $"{stubs} exercise stubs but only {verdicts.Count} check verdicts were printed");
        if (solutions) Assert.All(verdicts, v => Assert.StartsWith("PASSED", v));
        else Assert.All(verdicts, v => Assert.StartsWith("NOT ATTEMPTED YET", v));
    }

    private static IEnumerable<string> PrintedLines(string executedNotebook)
    {
        var json = JsonNode.Parse(File.ReadAllText(executedNotebook))!;
        return json["cells"]!.AsArray()
            .SelectMany(c => c!["outputs"]?.AsArray() ?? [])
            .Where(o => o!["output_type"]?.GetValue<string>() == "stream")
            .SelectMany(o => string.Concat(o!["text"]!.AsArray().Select(t => t!.GetValue<string>())).Split('\n'));
    }
}
