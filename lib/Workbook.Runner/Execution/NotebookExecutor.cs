using System.Diagnostics;
using Workbook.Runner.Notebooks;

namespace Workbook.Runner.Execution;

/// <summary>Options for executing one notebook in this process.</summary>
/// <param name="CellTimeout">How long one cell may run before it counts as hung.</param>
/// <param name="Solutions">Replace exercise stubs with their reference solutions.</param>
public sealed record ExecuteOptions(TimeSpan CellTimeout, bool Solutions);

/// <summary>
/// Executes one notebook cell by cell in a fresh kernel in the current process, with the working
/// directory set to the notebook's folder. A failing cell does not stop the others; a hung cell
/// does (the kernel stays busy), and the remaining cells are reported as skipped.
/// </summary>
public static class NotebookExecutor
{
    /// <summary>Runs <paramref name="notebookPath"/> and writes the executed copy to <paramref name="executedPath"/>.</summary>
    public static async Task<NotebookOutcome> ExecuteAsync(string notebookPath, string executedPath, ExecuteOptions options)
    {
        var clock = Stopwatch.StartNew();
        NotebookDocument document;
        try { document = NotebookDocument.Load(notebookPath); }
        catch (NotebookException e) { return new NotebookOutcome(notebookPath, Path.GetFileNameWithoutExtension(notebookPath), [], 0, null, e.Message); }

        var outcomes = new List<CellOutcome>();
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        using (var session = new KernelSession(folder))
        {
            try
            {
                await session.WarmUpAsync(TimeSpan.FromMinutes(3));
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException)
            {
                return new NotebookOutcome(notebookPath, document.Title, [], clock.Elapsed.TotalSeconds, null, e is TimeoutException ? "the C# kernel did not start within 3 min." : e.Message);
            }
            var count = 0;
            foreach (var cell in document.Cells.Where(c => c.Kind == CellKind.Code))
            {
                if (cell.Kernel is not ("csharp" or "c#" or "C#"))
                {
                    var message = $"cell {cell.Number} is a \"{cell.Kernel}\" cell; the workbook runs C# cells only. Change the cell's language to C# (csharp).";
                    outcomes.Add(new CellOutcome(cell.Number, CellStatus.Failed, 0, message));
                    document.SetOutputs(cell, [KernelSession.ErrorOutput("UnsupportedCellLanguage", message)], null);
                    continue;
                }
                var code = cell.Source;
                if (options.Solutions && SolutionSource.ExerciseId(code) is { } id)
                {
                    try
                    {
                        code = SolutionSource.Read(notebookPath, id);
                        document.SetSource(cell, code);
                    }
                    catch (FileNotFoundException e)
                    {
                        outcomes.Add(new CellOutcome(cell.Number, CellStatus.Failed, 0, e.Message));
                        document.SetOutputs(cell, [KernelSession.ErrorOutput("MissingSolution", e.Message)], null);
                        continue;
                    }
                }
                var (outcome, outputs) = await session.ExecuteAsync(cell, code, options.CellTimeout);
                outcomes.Add(outcome);
                document.SetOutputs(cell, outputs, outcome.Status == CellStatus.Skipped ? null : ++count);
            }
        }
        document.Save(executedPath);
        return new NotebookOutcome(notebookPath, document.Title, outcomes, clock.Elapsed.TotalSeconds, executedPath, null);
    }
}
