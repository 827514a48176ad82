using System.Diagnostics;
using System.Globalization;
using Workbook.Bench.Infrastructure;
using Workbook.Benchmarking;

namespace Workbook.Bench.Items;

/// <summary>
/// Item 10: the workbook itself. Runs the headless runner as a child process, exactly as the
/// README does (<c>dotnet run --project lib/Workbook.Runner -- run notebooks --no-site</c>), and
/// reports each notebook's time and the whole run's from the runner's summary. There is nothing
/// to compare it with, so the row is a report, not a verdict.
/// </summary>
internal sealed class NotebooksItem : IBenchItem
{
    private static readonly BenchSpec Spec = new("10", 10, "The workbook itself: every notebook in the runner", "");

    /// <inheritdoc />
    public int Number => 10;

    /// <inheritdoc />
    public string Title => "The workbook itself: time of each notebook and of the whole run";

    /// <inheritdoc />
    public IReadOnlyList<BenchSpec> Specs => [Spec];

    /// <inheritdoc />
    public IReadOnlyList<ToolRequirement> Requires => [new("dotnet", "the .NET 10 SDK from https://dotnet.microsoft.com/download")];

    /// <inheritdoc />
    public string? PendingReason => null;

    /// <inheritdoc />
    public async Task<IReadOnlyList<BenchMeasurement>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        string dotnet = context.Tools.Find("dotnet") ?? throw new InvalidOperationException("dotnet disappeared from the PATH.");
        string output = Path.Combine(context.OutputDirectory, "notebooks-run");
        string target = context.Quick ? "notebooks/00-start-here.ipynb" : "notebooks";
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        context.Log.WriteLine($"    dotnet run --project lib/Workbook.Runner -- run {target} --out {output} --no-site");
        long started = Stopwatch.GetTimestamp();
        CommandResult run = await ExternalCommand.RunAsync(
            dotnet,
            ["run", "--project", "lib/Workbook.Runner", "--", "run", target, "--out", output, "--no-site"],
            context.RepositoryRoot,
            TimeSpan.FromMinutes(60),
            cancellationToken).ConfigureAwait(false);
        double wall = Stopwatch.GetElapsedTime(started).TotalSeconds;

        string summaryFile = Path.Combine(output, "summary.txt");
        if (!File.Exists(summaryFile))
        {
            throw new InvalidOperationException($"The runner wrote no summary (exit code {run.ExitCode}): {Last(run.Error.Length > 0 ? run.Error : run.Output)}");
        }

        RunnerSummary summary = RunnerSummary.Parse(await File.ReadAllTextAsync(summaryFile, cancellationToken).ConfigureAwait(false));
        foreach (NotebookTime notebook in summary.Notebooks)
        {
            context.Log.WriteLine($"    {notebook.Notebook}: {notebook.Seconds:0.0} s, {notebook.Cells} cells, {notebook.Status}");
        }

        NotebookTime[] failed = [.. summary.Notebooks.Where(n => !n.Succeeded)];
        string status = failed.Length == 0 ? "every notebook passed" : $"FAILED: {string.Join(", ", failed.Select(n => n.Notebook))}";
        NotebookTime slowest = summary.Notebooks.MaxBy(n => n.Seconds)!;
        string notes = string.Create(CultureInfo.InvariantCulture,
            $"one run (minutes long; the notebooks' own demos measure side by side inside); {summary.Notebooks.Count} notebook(s), {summary.Notebooks.Sum(n => n.Cells)} cells, "
            + $"runner total {summary.TotalSeconds:0} s, {wall:0} s with the build; slowest {slowest.Notebook} {slowest.Seconds:0} s; {status}");
        return [Spec.Report(
            [
                .. summary.Notebooks.Select(n => ContenderResult.FromSamples(n.Notebook, "s", [n.Seconds])),
                ContenderResult.FromSamples("whole run (runner)", "s", [summary.TotalSeconds]),
                ContenderResult.FromSamples("whole command (build + run)", "s", [wall]),
            ],
            notes,
            [new BenchMetric("notebooks", summary.Notebooks.Count), new BenchMetric("failed notebooks", failed.Length)])];
    }

    private static string Last(string text) => text.Length > 600 ? "…" + text[^600..] : text;
}
