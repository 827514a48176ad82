using Workbook.Processes;

namespace Workbook.Capstone;

/// <summary>
/// A <see cref="ProcessPool"/> of worker processes seen as an <see cref="IWorkerPool"/>: the service's
/// CPU work runs in these child processes, so its request threads only wait (asynchronously).
/// </summary>
/// <remarks>
/// Thread-safety: as the underlying pool, every member may be called from any thread. Disposal
/// fails queued and running items and ends every worker process (see <see cref="ProcessPool"/>).
/// </remarks>
public sealed class ProcessWorkers : IWorkerPool, IAsyncDisposable
{
    private ProcessWorkers(ProcessPool pool) => Pool = pool;

    /// <summary>The process pool underneath.</summary>
    public ProcessPool Pool { get; }

    /// <inheritdoc />
    public int WorkerCount => Pool.WorkerCount;

    /// <summary>Starts <paramref name="workers"/> worker processes and waits until they are ready.</summary>
    /// <param name="workers">How many processes, 1 or more.</param>
    /// <param name="cancellationToken">Abandons the start; processes already started are ended.</param>
    /// <returns>The ready pool; dispose it to end the processes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is 0 or negative.</exception>
    public static async Task<ProcessWorkers> StartAsync(int workers, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        return new ProcessWorkers(await ProcessPool.StartAsync(workers, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public Task<WorkResult> RunAsync(WorkItem item, CancellationToken cancellationToken) =>
        Pool.RunAsync(item ?? throw new ArgumentNullException(nameof(item)), cancellationToken);

    /// <summary>Ends every worker process.</summary>
    /// <returns>A task that completes when they have all exited.</returns>
    public ValueTask DisposeAsync() => Pool.DisposeAsync();

    /// <inheritdoc />
    public override string ToString() => $"{WorkerCount} worker process{(WorkerCount == 1 ? "" : "es")}";
}
