// Exercise 02.1: Fan out to every worker, gather in input order
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Workbook.Processes;

// Reference solution: submit every item before awaiting any (so every worker has work), keep the
// tasks in input order, and let Task.WhenAll hand the results back in that same order.
public sealed class AllWorkersFanOut : IFanOut
{
    public async Task<long[]> RunAsync(
        ProcessPool pool, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        Task<WorkResult>[] tasks = items.Select(item => pool.RunAsync(item, cancellationToken)).ToArray();
        WorkResult[] results = await Task.WhenAll(tasks);
        return results.Select(result => result.Value).ToArray();
    }
}
