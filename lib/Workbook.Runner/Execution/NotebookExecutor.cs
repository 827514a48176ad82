using System.Diagnostics;
using Workbook.Runner.Notebooks;

namespace Workbook.Runner.Execution;

/// <summary>Options for executing one notebook in this process.</summary>
/// <param name="CellTimeout">How long one cell may run before it counts as hung.</param>
/// <param name="Solutions">Replace exercise stubs with their reference solutions.</param>
/// <param name="Repeat">
/// How many times to run the whole notebook in the same kernel (all cells, then all cells again ...):
/// 2 proves that a learner can re-run every cell (ports, processes, static state, registrations are
/// re-creatable). 1 to <see cref="MaxRepeat"/>.
/// </param>
public sealed record ExecuteOptions(TimeSpan CellTimeout, bool Solutions, int Repeat = 1)
{
    /// <summary>The most passes one run may make.</summary>
    public const int MaxRepeat = 10;

    /// <summary>Throws a clear exception for a setting the executor cannot honour.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is not positive, or the repeat count is outside 1 to <see cref="MaxRepeat"/>.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CellTimeout, TimeSpan.Zero, nameof(CellTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(Repeat, 1, nameof(Repeat));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Repeat, MaxRepeat, nameof(Repeat));
    }
}

/// <summary>
/// Executes one notebook cell by cell in a fresh kernel in the current process, with the working
/// directory set to the notebook's folder. A failing cell does not stop the others; a hung cell
/// does (the kernel stays busy), and the remaining cells are reported as skipped. With
/// <see cref="ExecuteOptions.Repeat"/> above 1 the notebook is run again in the same kernel, and the
/// executed copy keeps the outputs of the last pass. After the last cell, a server still listening or a
/// process still running fails the notebook (<see cref="NotebookLeftovers"/>): in VS Code the kernel
/// lives on, and so would they.
/// </summary>
public static class NotebookExecutor
{
    /// <summary>Runs <paramref name="notebookPath"/> and writes the executed copy to <paramref name="executedPath"/>.</summary>
    public static async Task<NotebookOutcome> ExecuteAsync(string notebookPath, string executedPath, ExecuteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        NotebookDocument document;
        try { document = NotebookDocument.Load(notebookPath); }
        catch (NotebookException e) { return new NotebookOutcome(notebookPath, Path.GetFileNameWithoutExtension(notebookPath), [], 0, null, e.Message); }

        var outcomes = new List<CellOutcome>();
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var ledger = NotebookLeftovers.EnsureLedgerFile(Path.GetFullPath(executedPath) + ".ledger");
        IReadOnlyList<OpenedResource> opened;
        string? leftovers;
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
            for (var pass = 1; pass <= options.Repeat; pass++)
            {
                foreach (var cell in document.Cells.Where(c => c.Kind == CellKind.Code))
                {
                    var (outcome, outputs, ran) = await RunCellAsync(session, document, cell, notebookPath, options);
                    outcomes.Add(outcome with { Pass = pass });
                    // Each pass overwrites the outputs of the one before: the executed copy shows the last.
                    document.SetOutputs(cell, outputs, ran ? ++count : null);
                }
            }
            // Checked while the kernel (and everything its cells still reference) is alive, as in VS
            // Code after the last cell. A cell that never finished is still running: its servers
            // cannot be expected to have closed.
            (opened, leftovers) = outcomes.Any(o => o.Status == CellStatus.TimedOut) ? ([], null) : await NotebookLeftovers.CheckAsync(ledger);
        }
        document.Save(executedPath);
        return new NotebookOutcome(notebookPath, document.Title, outcomes, clock.Elapsed.TotalSeconds, executedPath, leftovers, opened);
    }

    private static async Task<(CellOutcome Outcome, IReadOnlyList<System.Text.Json.Nodes.JsonObject> Outputs, bool Ran)> RunCellAsync(
        KernelSession session, NotebookDocument document, NotebookCell cell, string notebookPath, ExecuteOptions options)
    {
        if (cell.Kernel is not ("csharp" or "c#" or "C#"))
        {
            var message = $"cell {cell.Number} is a \"{cell.Kernel}\" cell; the workbook runs C# cells only. Change the cell's language to C# (csharp).";
            return (new CellOutcome(cell.Number, CellStatus.Failed, 0, message), [KernelSession.ErrorOutput("UnsupportedCellLanguage", message)], false);
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
                return (new CellOutcome(cell.Number, CellStatus.Failed, 0, e.Message), [KernelSession.ErrorOutput("MissingSolution", e.Message)], false);
            }
        }
        var (outcome, outputs) = await session.ExecuteAsync(cell, code, options.CellTimeout);
        return (outcome, outputs, outcome.Status != CellStatus.Skipped);
    }
}
