using Workbook.Runner.Notebooks;
using Workbook.Runner.Site;

namespace Workbook.Runner.Execution;

/// <summary>What to run and where to write it.</summary>
/// <param name="Paths">Notebook files and/or folders of notebooks.</param>
/// <param name="OutputFolder">Receives notebooks/ (executed copies), site/, summary.txt and the run's own progress.json.</param>
/// <param name="Execute">Per-cell timeout and solutions mode.</param>
/// <param name="WriteSite">Whether to write the HTML site.</param>
public sealed record RunOptions(IReadOnlyList<string> Paths, string OutputFolder, ExecuteOptions Execute, bool WriteSite = true);

/// <summary>The result of a whole run.</summary>
/// <param name="Notebooks">One outcome per notebook, in run order.</param>
/// <param name="Seconds">Wall time of the whole run.</param>
/// <param name="SiteIndex">The site's index page, when one was written.</param>
public sealed record RunReport(IReadOnlyList<NotebookOutcome> Notebooks, double Seconds, string? SiteIndex)
{
    /// <summary>True when every notebook passed.</summary>
    public bool Succeeded => Notebooks.Count > 0 && Notebooks.All(n => n.Succeeded);
}

/// <summary>Thrown for a run that cannot start: a path that does not exist, an unwritable output folder.</summary>
public sealed class RunSetupException(string message) : Exception(message);

/// <summary>Runs a set of notebooks, each in its own kernel process, then writes the executed notebooks and the site.</summary>
public static class WorkbookRun
{
    /// <summary>Expands files and folders into the notebooks to run, in order.</summary>
    /// <exception cref="RunSetupException">A path is missing, is not a notebook, or a folder holds none.</exception>
    public static IReadOnlyList<string> ResolveNotebooks(IEnumerable<string> paths)
    {
        var result = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, "*.ipynb").Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0) throw new RunSetupException($"{path}: the folder contains no .ipynb notebooks.");
                result.AddRange(found);
            }
            else if (File.Exists(path))
            {
                if (!path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                    throw new RunSetupException($"{path}: not a notebook (expected a .ipynb file).");
                result.Add(path);
            }
            else throw new RunSetupException($"{path}: no such file or folder.");
        }
        if (result.Count == 0) throw new RunSetupException("no notebooks given: name .ipynb files or a folder such as notebooks/.");
        return result;
    }

    /// <summary>
    /// Runs everything in <paramref name="options"/>; <paramref name="progress"/> hears each notebook as it ends.
    /// With a <paramref name="guard"/>, a notebook that leaves processes running fails, and they are killed.
    /// </summary>
    public static async Task<RunReport> RunAsync(RunOptions options, Action<NotebookOutcome>? progress = null, CancellationToken cancellationToken = default, LeftoverGuard? guard = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Execute.Validate();
        var notebooks = ResolveNotebooks(options.Paths);
        var executedFolder = Path.Combine(options.OutputFolder, "notebooks");
        EnsureWritable(executedFolder);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcomes = new List<NotebookOutcome>();
        foreach (var notebook in notebooks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            NotebookOutcome outcome;
            try
            {
                var cells = NotebookDocument.Load(notebook).Cells.Count(c => c.Kind == CellKind.Code);
                var executed = Path.Combine(executedFolder, Path.GetFileName(notebook));
                outcome = await ChildNotebookRun.RunAsync(notebook, executed, Path.Combine(options.OutputFolder, "progress.json"), options.Execute, cells, cancellationToken);
            }
            catch (NotebookException e)
            {
                outcome = new NotebookOutcome(notebook, Path.GetFileNameWithoutExtension(notebook), [], 0, null, e.Message);
            }
            if (guard?.CollectLeftovers(new HashSet<int>()) is { Count: > 0 } leftovers)
            {
                var message = $"the notebook left {leftovers.Count} process(es) running after it ended; they were killed: {string.Join("; ", leftovers)}";
                outcome = outcome with { Error = outcome.Error is null ? message : outcome.Error + Environment.NewLine + message };
            }
            outcomes.Add(outcome);
            progress?.Invoke(outcome);
        }

        string? index = null;
        if (options.WriteSite) index = SiteWriter.Write(Path.Combine(options.OutputFolder, "site"), outcomes);
        var report = new RunReport(outcomes, clock.Elapsed.TotalSeconds, index);
        File.WriteAllText(Path.Combine(options.OutputFolder, "summary.txt"), SummaryTable.Format(report));
        return report;
    }

    private static void EnsureWritable(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, ".write-check");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunSetupException($"{folder}: the output folder cannot be written ({e.Message}). Choose another with --out.");
        }
    }
}
