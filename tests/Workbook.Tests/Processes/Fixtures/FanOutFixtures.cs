using Workbook.Processes;

namespace Workbook.Tests.Processes.Fixtures;

// Exercise 02.1 as the notebook's stub cell shows it.
public sealed class FanOutStub : IFanOut
{
    public Task<long[]> RunAsync(ProcessPool pool, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}

// Wrong answer: awaits each item before submitting the next, so only one worker is ever busy.
public sealed class OneAtATimeFanOut : IFanOut
{
    public async Task<long[]> RunAsync(ProcessPool pool, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        var values = new List<long>();
        foreach (WorkItem item in items)
        {
            values.Add((await pool.RunAsync(item, cancellationToken)).Value);
        }

        return [.. values];
    }
}

// Wrong answer: runs everything at once, but collects the values as the items finish.
public sealed class CompletionOrderFanOut : IFanOut
{
    public async Task<long[]> RunAsync(ProcessPool pool, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        Task<WorkResult>[] tasks = [.. items.Select(item => pool.RunAsync(item, cancellationToken))];
        var values = new List<long>();
        await foreach (Task<WorkResult> done in Task.WhenEach(tasks))
        {
            values.Add((await done).Value);
        }

        return [.. values];
    }
}

// Wrong answer: fires every item off with a continuation that fills its slot, and returns the
// array at once, before any continuation has run.
public sealed class ReturnsEarlyFanOut : IFanOut
{
    public Task<long[]> RunAsync(ProcessPool pool, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        var values = new long[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            int slot = i;
            _ = pool.RunAsync(items[i], cancellationToken).ContinueWith(
                task => values[slot] = task.Result.Value,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion,
                TaskScheduler.Default);
        }

        return Task.FromResult(values);
    }
}

// Wrong answer: right values in the right order, but each item is submitted twice: once to
// "start" it and once more to read its result.
public sealed class SubmitsTwiceFanOut : IFanOut
{
    public async Task<long[]> RunAsync(ProcessPool pool, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        Task<WorkResult>[] started = [.. items.Select(item => pool.RunAsync(item, cancellationToken))];
        await Task.WhenAll(started);
        WorkResult[] results = await Task.WhenAll(items.Select(item => pool.RunAsync(item, cancellationToken)));
        return [.. results.Select(result => result.Value)];
    }
}
