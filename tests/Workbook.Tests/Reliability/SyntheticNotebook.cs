using System.Text.Json.Nodes;
using Workbook.Runner.Authoring;
using Workbook.Runner.Execution;
using Workbook.Tests.Support;

namespace Workbook.Tests.Reliability;

/// <summary>Small notebooks written by a test and run through the real runner (a kernel child process each).</summary>
internal static class SyntheticNotebook
{
    /// <summary>The bound on one whole run: a runner hang fails the test instead of CI.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    /// <summary>A cell that references the built library by absolute path (the notebook lives in a temp folder).</summary>
    public static string ReferenceLibrary =>
        $"#r \"{Path.Combine(Repo.Root, "artifacts", "bin", "Workbook", "debug", "Workbook.dll").Replace("\\", "/", StringComparison.Ordinal)}\"";

    /// <summary>Joins C# cells into .dib text.</summary>
    public static string Cells(params string[] cells) => string.Concat(cells.Select(c => "#!csharp\n\n" + c.Trim() + "\n\n"));

    public static async Task<NotebookOutcome> RunAsync(TempFolder temp, string dib, double cellTimeoutSeconds = 120, int repeat = 1, string name = "t.ipynb")
    {
        var notebook = temp.File(name);
        File.WriteAllText(notebook, NotebookTemplate.FromDib(dib));
        using var cts = new CancellationTokenSource(Bound);
        var options = new RunOptions([notebook], temp.File("out"), new ExecuteOptions(TimeSpan.FromSeconds(cellTimeoutSeconds), Solutions: false, repeat), WriteSite: false);
        var report = await WorkbookRun.RunAsync(options, cancellationToken: cts.Token).WaitAsync(Bound);
        return report.Notebooks.Single();
    }

    /// <summary>What each code cell printed (stdout, stderr and error text), in cell order.</summary>
    public static IReadOnlyList<string> Printed(NotebookOutcome outcome)
    {
        var json = JsonNode.Parse(File.ReadAllText(outcome.ExecutedPath!))!;
        return json["cells"]!.AsArray()
            .Where(c => c!["cell_type"]!.GetValue<string>() == "code")
            .Select(c => string.Concat((c!["outputs"]?.AsArray() ?? []).Select(o =>
                o!["text"] is JsonArray text ? string.Concat(text.Select(t => t!.GetValue<string>()))
                : o["evalue"]?.GetValue<string>() ?? "")))
            .ToList();
    }
}
