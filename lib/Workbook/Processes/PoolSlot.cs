namespace Workbook.Processes;

/// <summary>One place in a <see cref="ProcessPool"/>: the worker it currently owns, and what it is doing.</summary>
/// <remarks>
/// Written by the slot's own loop; <see cref="Current"/> is also replaced under the pool's lock
/// so that disposal sees every worker that was ever started. Reads from other threads are snapshots.
/// </remarks>
internal sealed class PoolSlot(int index, Task<WorkerProcess?> first)
{
    public int Index { get; } = index;

    /// <summary>The running worker, or the start of its replacement; null result = could not start.</summary>
    public Task<WorkerProcess?> Current { get; set; } = first;

    /// <summary>The job being run, or null when idle.</summary>
    public volatile PoolJob? Running;

    public int Restarts { get; set; }

    public PoolWorkerInfo Snapshot()
    {
        Task<WorkerProcess?> current = Current;
        WorkerProcess? worker = current.IsCompletedSuccessfully ? current.Result : null;
        return new PoolWorkerInfo(Index, worker?.ProcessId, worker is { HasExited: false }, Running?.Item.Label, Restarts);
    }
}
