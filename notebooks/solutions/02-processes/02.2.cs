// Exercise 02.2: Report every item, even when its worker crashes
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Workbook.Processes;

// Reference solution: each item gets its own task that catches that item's failure and turns it
// into an outcome, so no task fails and Task.WhenAll returns one outcome per item, in input order.
// No retry here: the pool has already retried a crashed item once on a fresh worker.
public sealed class ReportingRunner : IReportingRunner
{
    public async Task<ItemOutcome[]> RunReportingAsync(
        ProcessPool pool, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        async Task<ItemOutcome> RunOne(WorkItem item)
        {
            try
            {
                return ItemOutcome.Success(await pool.RunAsync(item, cancellationToken));
            }
            catch (Exception error) when (error is WorkerCrashedException or WorkItemFailedException)
            {
                return ItemOutcome.Failure(item, error);
            }
        }

        return await Task.WhenAll(items.Select(RunOne));
    }
}
