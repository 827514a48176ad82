using Workbook.Runner.Execution;
using Workbook.Tests.Support;

namespace Workbook.Tests.Runner;

/// <summary>
/// Every committed notebook runs through the runner with no failed cell: as committed (exercise stubs
/// untouched, checks report "not attempted") and with the reference solutions in place of the stubs.
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
    public Task Notebook_WithSolutions_RunsWithNoFailedCell(string name) => RunAndAssert(name, solutions: true);

    private static async Task RunAndAssert(string name, bool solutions)
    {
        using var temp = new TempFolder();
        using var cts = new CancellationTokenSource(Bound);
        var options = new RunOptions([Path.Combine(Repo.Notebooks, name)], temp.Path, new ExecuteOptions(TimeSpan.FromMinutes(5), solutions), WriteSite: false);
        var report = await WorkbookRun.RunAsync(options, cancellationToken: cts.Token).WaitAsync(Bound);

        var notebook = report.Notebooks.Single();
        Assert.True(notebook.Succeeded, SummaryTable.Format(report));
        Assert.NotEmpty(notebook.Cells);
        if (solutions) Assert.DoesNotContain("NOT ATTEMPTED", File.ReadAllText(notebook.ExecutedPath!));
    }
}
