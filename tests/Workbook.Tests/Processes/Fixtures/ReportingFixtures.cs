using Workbook.Processes;

namespace Workbook.Tests.Processes.Fixtures;

// Exercise 02.2 as the notebook's stub cell shows it.
public sealed class ReportingStub : IReportingRunner
{
    public Task<ItemOutcome[]> RunReportingAsync(ProcessPool pool, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}

// Wrong answer: Task.WhenAll over the raw item tasks; the first failure escapes and every
// successful result goes down with it.
public sealed class WhenAllLetsCrashEscape : IReportingRunner
{
    public async Task<ItemOutcome[]> RunReportingAsync(ProcessPool pool, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        WorkResult[] results = await Task.WhenAll(items.Select(item => pool.RunAsync(item, cancellationToken)));
        return [.. results.Select(ItemOutcome.Success)];
    }
}

// Wrong answer: catches the crash and pretends the item returned 0.
public sealed class SwallowsCrashAsZero : IReportingRunner
{
    public async Task<ItemOutcome[]> RunReportingAsync(ProcessPool pool, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        async Task<ItemOutcome> RunOne(WorkItem item)
        {
            try
            {
                return ItemOutcome.Success(await pool.RunAsync(item, cancellationToken));
            }
            catch (WorkerCrashedException)
            {
                return ItemOutcome.Success(item, 0);
            }
            catch (WorkItemFailedException error)
            {
                return ItemOutcome.Failure(item, error);
            }
        }

        return await Task.WhenAll(items.Select(RunOne));
    }
}

// Wrong answer: resubmits a crashed item until it works, which for an item that crashes
// every worker is forever (it stops only when the check cancels the token).
public sealed class RetriesForever : IReportingRunner
{
    public async Task<ItemOutcome[]> RunReportingAsync(ProcessPool pool, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        async Task<ItemOutcome> RunOne(WorkItem item)
        {
            while (true)
            {
                try
                {
                    return ItemOutcome.Success(await pool.RunAsync(item, cancellationToken));
                }
                catch (WorkerCrashedException)
                {
                    // "It was probably a fluke": try again.
                }
                catch (WorkItemFailedException error)
                {
                    return ItemOutcome.Failure(item, error);
                }
            }
        }

        return await Task.WhenAll(items.Select(RunOne));
    }
}

// Wrong answer: reports everything correctly, but awaits one item at a time.
public sealed class OneAtATimeReporting : IReportingRunner
{
    public async Task<ItemOutcome[]> RunReportingAsync(ProcessPool pool, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        var outcomes = new List<ItemOutcome>();
        foreach (WorkItem item in items)
        {
            try
            {
                outcomes.Add(ItemOutcome.Success(await pool.RunAsync(item, cancellationToken)));
            }
            catch (Exception error) when (error is WorkerCrashedException or WorkItemFailedException)
            {
                outcomes.Add(ItemOutcome.Failure(item, error));
            }
        }

        return [.. outcomes];
    }
}
