namespace Workbook.Processes;

/// <summary>
/// A worker process died (crashed, was killed, or closed its pipes) while it owed a reply for a work item.
/// </summary>
public sealed class WorkerCrashedException : Exception
{
    /// <summary>Creates the exception for an item lost with its worker.</summary>
    /// <param name="itemLabel">The label of the lost item.</param>
    /// <param name="exitCode">The worker's exit code, or null if it could not be read.</param>
    /// <param name="processId">The worker that died (the last one, after retries).</param>
    /// <param name="attempts">How many workers died running this item.</param>
    public WorkerCrashedException(string itemLabel, int? exitCode, int processId, int attempts = 1)
        : base(Describe(itemLabel, exitCode, processId, attempts))
    {
        ItemLabel = itemLabel;
        ExitCode = exitCode;
        ProcessId = processId;
        Attempts = attempts;
    }

    /// <summary>The label of the item that was lost.</summary>
    public string ItemLabel { get; }

    /// <summary>The last worker's exit code (134 for a FailFast abort, 137 for SIGKILL on Linux), or null if unknown.</summary>
    public int? ExitCode { get; }

    /// <summary>The process id of the last worker that died running the item.</summary>
    public int ProcessId { get; }

    /// <summary>How many times the item was started and lost with its worker.</summary>
    public int Attempts { get; }

    private static string Describe(string label, int? exitCode, int processId, int attempts)
    {
        string code = exitCode is { } c ? $"exit code {c}" : "an unknown exit code";
        string times = attempts == 1 ? "" : $" ({attempts} attempts, each on a fresh worker)";
        return $"Work item '{label}' was lost: worker process {processId} ended with {code} before replying{times}.";
    }
}
