namespace Workbook.Processes;

/// <summary>Runs a batch of work items on a pool's workers at once and gathers their values (exercise 02.1).</summary>
public interface IFanOut
{
    /// <summary>
    /// Submits every item to <paramref name="pool"/> so that all its workers can be busy at the same
    /// time, waits until every item has finished, and returns the values in input order.
    /// </summary>
    /// <param name="pool">A started pool; do not dispose it (its owner will).</param>
    /// <param name="items">The items to run, each exactly once.</param>
    /// <param name="cancellationToken">Pass it on to the pool; the check cancels it if your code takes too long.</param>
    /// <returns><c>values[i]</c> is the <see cref="WorkResult.Value"/> of <c>items[i]</c>, whatever order the items finished in.</returns>
    Task<long[]> RunAsync(ProcessPool pool, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken);
}
