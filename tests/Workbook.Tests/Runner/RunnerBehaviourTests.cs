using Workbook.Runner.Authoring;
using Workbook.Runner.Execution;
using Workbook.Tests.Support;

namespace Workbook.Tests.Runner;

/// <summary>
/// The runner end to end: real kernel child processes running small notebooks written by the test.
/// Every run is bounded by a cancellation token so a runner hang fails the test instead of CI.
/// </summary>
[Collection(RunnerCollection.Name)]
public class RunnerBehaviourTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);

    private static async Task<RunReport> RunAsync(TempFolder temp, string dib, double cellTimeoutSeconds = 120, string name = "t.ipynb")
    {
        var notebook = temp.File(name);
        File.WriteAllText(notebook, NotebookTemplate.FromDib(dib));
        using var cts = new CancellationTokenSource(Bound);
        var options = new RunOptions([notebook], temp.File("out"), new ExecuteOptions(TimeSpan.FromSeconds(cellTimeoutSeconds), Solutions: false), WriteSite: false);
        return await WorkbookRun.RunAsync(options, cancellationToken: cts.Token).WaitAsync(Bound);
    }

    [Fact]
    public async Task Run_FailingCell_OthersStillRunAndRunFails()
    {
        using var temp = new TempFolder();
        var report = await RunAsync(temp, "#!csharp\n\nvar a = 20;\n\n#!csharp\n\nthrow new InvalidOperationException(\"planned\");\n\n#!csharp\n\nConsole.WriteLine(a + 22);\n");

        var cells = report.Notebooks.Single().Cells;
        Assert.Equal([CellStatus.Passed, CellStatus.Failed, CellStatus.Passed], cells.Select(c => c.Status));
        Assert.Contains("planned", cells[1].Error);
        Assert.False(report.Succeeded);
        var executed = File.ReadAllText(temp.File("out/notebooks/t.ipynb"));
        Assert.Contains("42", executed);
    }

    [Fact]
    public async Task Run_CellThatNeverEnds_TimesOutAndSkipsTheRest()
    {
        using var temp = new TempFolder();
        // 10 s leaves the quick first cell ample time on a loaded machine; the loop never ends.
        var report = await RunAsync(temp, "#!csharp\n\n1\n\n#!csharp\n\nwhile (true) { }\n\n#!csharp\n\n2\n", cellTimeoutSeconds: 10);

        var cells = report.Notebooks.Single().Cells;
        Assert.Equal([CellStatus.Passed, CellStatus.TimedOut, CellStatus.Skipped], cells.Select(c => c.Status));
        Assert.Contains("did not finish within 10 s", cells[1].Error);
        Assert.False(report.Succeeded);
    }

    [Fact]
    public async Task Run_NonCSharpCell_FailsWithClearMessage()
    {
        using var temp = new TempFolder();
        var json = NotebookTemplate.FromDib("#!csharp\n\n1\n").Replace("\"kernelName\": \"csharp\"", "\"kernelName\": \"fsharp\"");
        File.WriteAllText(temp.File("f.ipynb"), json);
        using var cts = new CancellationTokenSource(Bound);
        var report = await WorkbookRun.RunAsync(new RunOptions([temp.File("f.ipynb")], temp.File("out"), new ExecuteOptions(TimeSpan.FromSeconds(60), false), false), cancellationToken: cts.Token).WaitAsync(Bound);

        var cell = report.Notebooks.Single().Cells.Single();
        Assert.Equal(CellStatus.Failed, cell.Status);
        Assert.Contains("\"fsharp\" cell", cell.Error);
        Assert.Contains("C# cells only", cell.Error);
    }

    [Fact]
    public async Task Run_MalformedNotebook_ReportsErrorAndRunsTheOthers()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("a-bad.ipynb"), "{ \"cells\": [ ");
        File.WriteAllText(temp.File("b-good.ipynb"), NotebookTemplate.FromDib("#!csharp\n\n1 + 1\n"));
        using var cts = new CancellationTokenSource(Bound);
        var report = await WorkbookRun.RunAsync(new RunOptions([temp.Path], temp.File("out"), new ExecuteOptions(TimeSpan.FromSeconds(60), false), true), cancellationToken: cts.Token).WaitAsync(Bound);

        Assert.Equal(["ERROR", "ok"], report.Notebooks.Select(n => n.StatusText));
        Assert.Contains("malformed", report.Notebooks[0].Error);
        Assert.True(File.Exists(temp.File("out/site/index.html")));
        Assert.Contains("b-good.html", File.ReadAllText(temp.File("out/site/index.html")));
    }

    [Fact]
    public async Task Run_NugetDirectiveAndHelpers_WorkAsInVsCode()
    {
        using var temp = new TempFolder();
        var report = await RunAsync(temp, "#!csharp\n\n#r \"nuget: Humanizer.Core, 2.14.1\"\n\n#!csharp\n\nusing Humanizer;\ndisplay(HTML(\"<i>\" + \"thread_pool_starvation\".Humanize() + \"</i>\"));\n");

        Assert.True(report.Succeeded, SummaryTable.Format(report));
        Assert.Contains("<i>thread pool starvation</i>", File.ReadAllText(temp.File("out/notebooks/t.ipynb")));
    }

    [Fact]
    public async Task Run_WorkingDirectory_IsTheNotebooksFolder()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("beside.txt"), "found beside the notebook");
        var report = await RunAsync(temp, "#!csharp\n\nConsole.WriteLine(System.IO.File.ReadAllText(\"beside.txt\"));\n");

        Assert.True(report.Succeeded, SummaryTable.Format(report));
        Assert.Contains("found beside the notebook", File.ReadAllText(temp.File("out/notebooks/t.ipynb")));
    }

    [Fact]
    public void Resolve_MissingPath_NamesIt()
    {
        var e = Assert.Throws<RunSetupException>(() => WorkbookRun.ResolveNotebooks(["/no/such/folder"]));
        Assert.Contains("/no/such/folder: no such file or folder", e.Message);
    }

    [Fact]
    public void Resolve_NotANotebookFile_NamesIt()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("notes.txt"), "hi");
        var e = Assert.Throws<RunSetupException>(() => WorkbookRun.ResolveNotebooks([temp.File("notes.txt")]));
        Assert.Contains("not a notebook", e.Message);
    }

    [Fact]
    public async Task Run_UnwritableOutputFolder_ClearError()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("t.ipynb"), NotebookTemplate.FromDib("#!csharp\n\n1\n"));
        File.WriteAllText(temp.File("blocker"), "a file where the output folder should go");
        var options = new RunOptions([temp.File("t.ipynb")], temp.File("blocker/out"), new ExecuteOptions(TimeSpan.FromSeconds(60), false));

        var e = await Assert.ThrowsAsync<RunSetupException>(() => WorkbookRun.RunAsync(options)).WaitAsync(Bound);
        Assert.Contains("cannot be written", e.Message);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunnerCollection
{
    public const string Name = "Kernel processes (run alone: they are CPU-heavy)";
}
