namespace Workbook.Runner.Execution;

/// <summary>How one code cell ended.</summary>
public enum CellStatus
{
    /// <summary>Ran to completion.</summary>
    Passed,
    /// <summary>Threw, or did not compile.</summary>
    Failed,
    /// <summary>Did not finish within the per-cell timeout.</summary>
    TimedOut,
    /// <summary>Not run, because an earlier cell hung the kernel.</summary>
    Skipped,
}

/// <summary>The result of one code cell: status, time, and the error if it failed.</summary>
/// <param name="Number">The cell's 1-based position in the notebook.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Seconds">Wall time spent on it.</param>
/// <param name="Error">The failure message, or null when it passed.</param>
/// <param name="Pass">Which run of the notebook this was: 1, or 2 and up with <see cref="ExecuteOptions.Repeat"/>.</param>
public sealed record CellOutcome(int Number, CellStatus Status, double Seconds, string? Error, int Pass = 1)
{
    /// <summary>"cell 7", or "cell 7 (pass 2)" for a repeated run.</summary>
    public string Label => Pass > 1 ? $"cell {Number} (pass {Pass})" : $"cell {Number}";
}

/// <summary>The result of running one notebook.</summary>
/// <param name="Notebook">The notebook's path as given.</param>
/// <param name="Title">The notebook's first heading.</param>
/// <param name="Cells">Every code cell's outcome, in order.</param>
/// <param name="Seconds">Wall time for the whole notebook, kernel start included.</param>
/// <param name="ExecutedPath">Where the executed notebook was written, if it was.</param>
/// <param name="Error">A notebook-level failure (unreadable file, crashed kernel, something left listening or running), or null.</param>
/// <param name="Resources">The server sockets and child processes the workbook library opened during the run (null when not recorded).</param>
public sealed record NotebookOutcome(string Notebook, string Title, IReadOnlyList<CellOutcome> Cells, double Seconds, string? ExecutedPath, string? Error, IReadOnlyList<OpenedResource>? Resources = null)
{
    /// <summary>True when the notebook was read and every code cell passed.</summary>
    public bool Succeeded => Error is null && Cells.All(c => c.Status == CellStatus.Passed);

    /// <summary>Number of cells that did not pass.</summary>
    public int FailedCells => Cells.Count(c => c.Status != CellStatus.Passed);

    /// <summary>One word for tables: ok, FAILED or ERROR.</summary>
    public string StatusText => Error is not null ? "ERROR" : Succeeded ? "ok" : "FAILED";
}
