using Workbook.Processes;

namespace Workbook.Capstone;

/// <summary>
/// Somewhere CPU-bound work items run off the request threads: in the service, a
/// <see cref="ProcessWorkers"/> pool of worker processes; in the checkers, a controllable fake.
/// </summary>
/// <remarks>Implementations must allow concurrent <see cref="RunAsync"/> calls.</remarks>
public interface IWorkerPool
{
    /// <summary>How many items can run at the same time.</summary>
    int WorkerCount { get; }

    /// <summary>Runs one item and returns its result once a worker has finished it.</summary>
    /// <param name="item">What to run.</param>
    /// <param name="cancellationToken">Abandons the item: a queued item is skipped, a running one is asked to stop.</param>
    /// <returns>The result; the task is cancelled when the token is, and fails when the item fails.</returns>
    Task<WorkResult> RunAsync(WorkItem item, CancellationToken cancellationToken);
}
