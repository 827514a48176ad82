namespace Workbook.Processes;

/// <summary>Runs a batch of work items and reports, per item, its value or why it failed (exercise 02.2).</summary>
public interface IReportingRunner
{
    /// <summary>
    /// Runs every item on <paramref name="pool"/> (all workers busy at once, as in exercise 02.1) and
    /// returns one outcome per item, in input order. An item whose worker crashed, or that threw
    /// inside its worker, is reported as a failure with the pool's exception; every other item
    /// still gets its value. The method itself does not throw for a failed item.
    /// </summary>
    /// <param name="pool">A started pool (it already retries a crashed item once on a fresh worker); do not dispose it.</param>
    /// <param name="items">The items to run.</param>
    /// <param name="cancellationToken">Pass it on to the pool; the check cancels it if your code takes too long.</param>
    /// <returns><c>outcomes[i]</c> describes <c>items[i]</c>: <see cref="ItemOutcome.Success(WorkResult)"/> or
    /// <see cref="ItemOutcome.Failure(WorkItem, Exception)"/>.</returns>
    Task<ItemOutcome[]> RunReportingAsync(ProcessPool pool, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken);
}
