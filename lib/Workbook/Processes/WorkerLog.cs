namespace Workbook.Processes;

/// <summary>Where a <see cref="WorkerLog"/> message came from.</summary>
public enum WorkerLogKind
{
    /// <summary>An informational message on the worker's "log" channel.</summary>
    Info,

    /// <summary>A progress report on the "log" channel; <see cref="WorkerLog.Progress"/> holds the fraction done.</summary>
    Progress,

    /// <summary>A line the worker wrote to its stderr (diagnostics, crash reports).</summary>
    Stderr,
}

/// <summary>A message from a worker process, received while it works.</summary>
/// <param name="ProcessId">The worker that sent it.</param>
/// <param name="Label">The label of the item it concerns, or null for stderr lines.</param>
/// <param name="Kind">Which stream it came from.</param>
/// <param name="Message">The text.</param>
/// <param name="Progress">Fraction of the item done (0..1) for progress messages; otherwise null.</param>
public sealed record WorkerLog(int ProcessId, string? Label, WorkerLogKind Kind, string Message, double? Progress = null)
{
    /// <summary>For example <c>[pid 4242] primes[0,1000000) progress: 50 % done</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"[pid {ProcessId}] {(Label is null ? "" : Label + " ")}{Kind.ToString().ToLowerInvariant()}: {Message}";
}
