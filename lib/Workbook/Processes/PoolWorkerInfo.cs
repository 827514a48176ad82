namespace Workbook.Processes;

/// <summary>A snapshot of one pool slot.</summary>
/// <param name="Index">The slot (0-based).</param>
/// <param name="ProcessId">The slot's current worker process, or null while it is starting or after it could not be restarted.</param>
/// <param name="IsAlive">Whether that worker is started and has not exited.</param>
/// <param name="CurrentItem">The label of the item it is running, or null when idle.</param>
/// <param name="Restarts">How many times this slot has replaced a dead worker.</param>
public sealed record PoolWorkerInfo(int Index, int? ProcessId, bool IsAlive, string? CurrentItem, int Restarts);
